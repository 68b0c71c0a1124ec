import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { CertificateView } from '@shared/api'
import { REISSUE_KINDS, reissueSchema } from '@shared/reissue.schema'
import { validate } from '@shared/validate'
import { charCount } from '@shared/zod-kit'
import { call } from '../../services/cloud'
import { uuid } from '../../services/ids'
import { PHASE_TEXT, submitAsCitizen, type Phase } from '../../services/submission'
import { Button, Notice } from '../../components'
import { ChoiceField } from '../../components/ChoiceField'
import { TextAreaField } from '../../components/TextAreaField'

type Kind = (typeof REISSUE_KINDS)[number]['code']

/** Back where the person came from (我的电子证), or there when the page was opened directly. */
function backToCertificate() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: '/packageMine/certificate/index' })
}

/**
 * 补发 (大人社规发〔2025〕2号 一(四): 对遗失或损毁等需要重新办理的，书面说明情况，予以补发). The same certificate number,
 * a new version; every older code — screenshots included — stops verifying at once, which is
 * why the person confirms first.
 */
export function Reissue({ onDone, startOpen = false }: { onDone: (cert: CertificateView) => void; startOpen?: boolean }) {
  const [open, setOpen] = useState(startOpen)
  const [kind, setKind] = useState<Kind | ''>('')
  const [statement, setStatement] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const [serverFields, setServerFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [done, setDone] = useState(false)
  const [busy, setBusy] = useState(false)
  const [phase, setPhase] = useState<Phase>('idle')
  /** offline or no answer: kept on the phone and sent when the network is back (services/outbox.ts) */
  const [kept, setKept] = useState(false)
  const [failureTitle, setFailureTitle] = useState('未能补发')
  // One id per filled-in form: a retry after a lost answer does not reissue twice.
  const requestId = useRef(uuid())

  const checked = validate(reissueSchema, { kind: kind || undefined, statement })
  const errors: Record<string, string> = { ...(checked.ok || !submitted ? {} : checked.fields), ...serverFields }

  const submit = async () => {
    setSubmitted(true)
    setServerFields({})
    setFailure('')
    if (!checked.ok) return
    const sure = await Taro.showModal({
      title: '确认补发',
      content: '补发后原二维码立即失效，原来的截图也不能再通过核验。确定要补发吗？',
      confirmText: '确定补发',
      cancelText: '再想想',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    setBusy(true)
    setFailureTitle('未能补发')
    // 实人核验 is for the holder: their own name and number, from their own last submission.
    const profile = await call('getMyProfile')
    const p = profile.ok ? profile.data.person : null
    const out = await submitAsCitizen({
      action: 'reissueCertificate',
      input: { requestId: requestId.current, ...checked.data },
      person: p && typeof p.name === 'string' && p.name && typeof p.idNumber === 'string' && p.idNumber ? { name: p.name, idNumber: p.idNumber, idType: typeof p.idType === 'string' ? p.idType : undefined } : undefined,
      title: '补发电子证',
      onPhase: setPhase,
    })
    setBusy(false)
    if (out.kind === 'kept') {
      setKept(true)
      setOpen(false)
      requestId.current = uuid()
      return
    }
    if (out.kind === 'not-verified') {
      setFailureTitle('本人身份核验没有通过')
      setFailure(out.message)
      return
    }
    const res = out.result
    if (res.ok) {
      setDone(true)
      setOpen(false)
      setKind('')
      setStatement('')
      setSubmitted(false)
      requestId.current = uuid()
      onDone(res.data)
    } else {
      setServerFields(res.error.fields ?? {})
      setFailure(res.error.message)
    }
  }

  return (
    <View className='card reissue'>
      <Text className='section-title'>证件遗失或损毁</Text>
      {kept ? (
        <Notice id='reissue-kept' kind='info' title='已保存，联网后自动提交'>
          <Text>补发申请已保存在本机，联网后会自动提交，不会重复补发。提交后重新打开本页即可看到新的电子证。</Text>
        </Notice>
      ) : null}
      {done ? (
        <Notice id='reissue-done' kind='success' title='已补发'>
          <Text>新的电子证已生效，原二维码（包括截图）已不能通过核验。</Text>
        </Notice>
      ) : null}
      {done ? (
        // issue 17: no second 补发 offered under 已补发, and no page leaving by itself after 1.5 s
        <Button id='reissue-back' onClick={backToCertificate}>
          返回我的电子证
        </Button>
      ) : !open ? (
        <Button id='reissue-open' variant='secondary' onClick={() => { setOpen(true); setDone(false); setKept(false) }}>
          申请补发
        </Button>
      ) : (
        <View>
          <Text className='page__lead'>写明遗失或损毁的经过即可补发，无需其他材料。证书编号不变。</Text>
          {failure ? (
            <Notice id='reissue-error' kind='error' title={failureTitle}>
              <Text>{failure}</Text>
            </Notice>
          ) : null}
          <ChoiceField path='kind' label='补发原因' required items={REISSUE_KINDS} value={kind} onChange={(x) => setKind(x as Kind)} error={errors.kind} />
          <TextAreaField path='statement' label='情况说明' required hint={`写明时间、地点和经过，不少于10个字（现在 ${charCount(statement)} 字）`} value={statement} onChange={setStatement} maxlength={500} error={errors.statement} />
          <Button id='reissue-submit' loading={busy} loadingText={phase === 'sending' ? '正在补发…' : PHASE_TEXT[phase] || '正在补发…'} onClick={() => void submit()}>
            提交补发申请
          </Button>
          <Button id='reissue-cancel' variant='secondary' onClick={() => setOpen(false)}>
            取消
          </Button>
        </View>
      )}
    </View>
  )
}
