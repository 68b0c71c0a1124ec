import { useRef, useState } from 'react'
import type { Deregistered, DeregistrationEvidence as Evidence } from '@shared/answers'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { DEREGISTRATION_REASONS, ID_TYPES, labelOf } from '@shared/codes'
import { deregisterSchema, EVIDENCE_CODES, evidenceQuerySchema, STAFF_FIELD_LABELS } from '@shared/staff.schema'
import { SENTENCE_MIN_CHARS } from '@shared/staff-text'
import { validate } from '@shared/validate'
import { charCount } from '@shared/zod-kit'
import { call } from '../../services/cloud'
import { timeText } from '../../services/format'
import { uuid } from '../../services/ids'
import { Button, FormField, Notice, TextField } from '../../components'
import { StaffGate } from '../common/StaffGate'
import { Screen } from '../../components/Screen'
import { SelectSheet } from '../../components/SelectSheet'

const LABELS = { idType: '证件类型', idNumber: '证件号码', ...STAFF_FIELD_LABELS, reasonCode: '注销原因' }

/** Said instead of an empty confirmation when the number names no registration in force here. */
const NONE_FOUND = '没有查到这个证件号码在您所辖区域内有效的失业登记，请核对证件类型和号码。没有可注销的登记。'

export default function DeregisterPage() {
  return <StaffGate need='reviewer'>{() => <Deregister />}</StaffGate>
}

function Deregister() {
  const [idType, setIdType] = useState('01')
  const [idNumber, setIdNumber] = useState('')
  const [reasonCode, setReasonCode] = useState('')
  const [note, setNote] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const [serverFields, setServerFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [done, setDone] = useState<Deregistered | undefined>()
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)
  const [formKey, setFormKey] = useState(() => uuid())
  const [evidence, setEvidence] = useState<{ idNumber: string; data: Evidence } | undefined>()
  const [evidenceError, setEvidenceError] = useState('')

  const checked = validate(deregisterSchema, { idType, idNumber, reasonCode: reasonCode || undefined, note }, LABELS)
  const errors: Record<string, string> = { ...(submitted && !checked.ok ? checked.fields : {}), ...serverFields }
  const chosen = DEREGISTRATION_REASONS.find((r) => r.code === reasonCode)
  // 人社厅发〔2020〕79号 一(四): 31/32 never on their own — staff record how they verified it.
  const needsNote = !!chosen && 'needsVerificationNote' in chosen && chosen.needsVerificationNote

  // Staff see what the system holds before they confirm (人社厅发〔2020〕79号 一(四)); the read is audited by the cloud.
  const loadEvidence = async (): Promise<Evidence | undefined> => {
    setEvidenceError('')
    const q = validate(evidenceQuerySchema, { idType, idNumber }, LABELS)
    if (!q.ok) {
      setEvidenceError(q.fields.idNumber ?? q.message)
      return undefined
    }
    if (evidence && evidence.idNumber === q.data.idNumber) return evidence.data
    const res = await call('getDeregistrationEvidence', q.data)
    if (!res.ok) {
      setEvidence(undefined)
      setEvidenceError(res.error.code === 'NOT_FOUND' ? NONE_FOUND : res.error.message)
      return undefined
    }
    setEvidence({ idNumber: q.data.idNumber, data: res.data })
    return res.data
  }

  const submit = async () => {
    setSubmitted(true)
    setServerFields({})
    setFailure('')
    if (!checked.ok || busyRef.current) return
    const shown = await loadEvidence()
    // never an empty confirmation of an irreversible step: no registration found → say so and stop (issue 17)
    if (!shown) return
    const rule = EVIDENCE_CODES.includes(reasonCode) ? shown?.codes[reasonCode] : undefined
    if (rule && !rule.allowed) {
      setServerFields({ reasonCode: rule.message })
      setFailure(rule.message)
      return
    }
    const sure = await Taro.showModal({
      title: '确认注销失业登记',
      // whose registration it is, before an irreversible step (issue 17)
      content: `注销对象：${shown.holderName}（${shown.idNumberMasked}），${shown.regionName}，${shown.since}起登记。注销原因：${labelOf(DEREGISTRATION_REASONS, reasonCode)}。系统中有${shown.attempts.length}条联系记录。注销后将通知本人，且不能撤销。`,
      confirmText: '确认注销',
      cancelText: '取消',
    }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    busyRef.current = true
    setBusy(true)
    const res = await call('deregister', checked.data)
    busyRef.current = false
    setBusy(false)
    if (!res.ok) {
      setServerFields(res.error.fields ?? {})
      setFailure(res.error.message)
      return
    }
    setDone(res.data)
    setIdNumber('')
    setIdType('01')
    setReasonCode('')
    setNote('')
    setEvidence(undefined)
    setSubmitted(false)
    setFormKey(uuid())
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
  }

  return (
    <Screen className='staff'>
      <Text className='page__title'>注销失业登记</Text>
      <Text className='page__lead'>输入证件号码，选择注销原因。只能注销您所辖区域内的登记。</Text>
      {done ? (
        <Notice id='dereg-done' kind='success' title='已注销'>
          <Text>
            {done.holderName} 的失业登记已于 {timeText(done.endedAt)} 注销，原因：{done.reasonText}。系统已通知本人。
          </Text>
        </Notice>
      ) : null}
      {failure ? (
        <Notice id='dereg-error' kind='error' title='未能注销'>
          <Text>{failure}</Text>
        </Notice>
      ) : null}
      <View className='card' key={formKey}>
        <FormField path='idType' label='证件类型' required error={errors.idType}>
          <SelectSheet id='idtype-picker' label='证件类型' items={ID_TYPES} value={idType} onChange={setIdType} error={!!errors.idType} />
        </FormField>
        <TextField path='idNumber' label='证件号码' required kind='idcard' value={idNumber} onChange={setIdNumber} error={errors.idNumber} maxlength={18} placeholder='18位居民身份证号码等' />
        <FormField path='reasonCode' label='注销原因' required error={errors.reasonCode}>
          <SelectSheet id='reason-picker' label='注销原因' items={DEREGISTRATION_REASONS} value={reasonCode} onChange={setReasonCode} error={!!errors.reasonCode} />
        </FormField>
        {needsNote ? (
          <Notice id='dereg-verify-hint' kind='info' title='须记录核实情况'>
            <Text>不能仅凭这一原因直接注销。请先与本人核实，并写明核实的时间、方式和结果（不少于{SENTENCE_MIN_CHARS}个字）。</Text>
          </Notice>
        ) : null}
        <FormField
          path='note'
          label={needsNote ? '核实情况' : '备注'}
          required={needsNote}
          hint={needsNote ? `例如：11月3日、11月10日两次电话及上门均未联系到本人，已向社区核实（${charCount(note)}字）` : '不超过100个字'}
          error={errors.note}
        >
          <Textarea id='field-note' className={`ta${errors.note ? ' ta--error' : ''}`} value={note} maxlength={100} nativeProps={process.env.TARO_ENV === 'h5' ? { 'aria-label': needsNote ? '核实情况' : '备注' } : undefined} onInput={(e) => setNote(e.detail.value)} />
        </FormField>
        <Button id='dereg-evidence' variant='secondary' onClick={() => void loadEvidence()}>
          查看联系和服务记录
        </Button>
        {evidenceError ? (
          <Notice id='dereg-evidence-error' kind='error' title={evidenceError === NONE_FOUND ? '没有查到有效的失业登记' : '未能查看记录'}>
            <Text>{evidenceError}</Text>
          </Notice>
        ) : null}
        {evidence ? <EvidenceCard evidence={evidence.data} reasonCode={reasonCode} /> : null}
        <Button id='dereg-submit' loading={busy} loadingText='正在注销…' onClick={() => void submit()}>
          注销失业登记
        </Button>
      </View>
    </Screen>
  )
}

function EvidenceCard({ evidence, reasonCode }: { evidence: Evidence; reasonCode: string }) {
  const rule = EVIDENCE_CODES.includes(reasonCode) ? evidence.codes[reasonCode] : undefined
  return (
    <View id='dereg-evidence-card' className='card'>
      <Text className='qitem__name'>
        {evidence.holderName}：{evidence.regionName}，{evidence.since} 起登记失业
      </Text>
      <Text className='qitem__meta'>
        连续未能联系上 {evidence.unreachable.months.length} 个月（代码32须{evidence.unreachable.needed}个月）；连续拒绝服务 {evidence.refusals.refusals.length} 次（代码31须{evidence.refusals.needed}次）
      </Text>
      {rule ? (
        <Notice id='dereg-evidence-rule' kind={rule.allowed ? 'info' : 'error'} title={rule.allowed ? '记录满足条件' : '记录不足，不能以此原因注销'}>
          <Text>{rule.message}</Text>
        </Notice>
      ) : null}
      {evidence.attempts.length === 0 ? <Text id='dereg-evidence-empty'>暂无联系记录</Text> : null}
      {evidence.attempts.map((a, i) => (
        <Text key={i} className='qitem__meta'>
          {a.text}（{a.byName}）{a.note ? `：${a.note}` : ''}
        </Text>
      ))}
    </View>
  )
}
