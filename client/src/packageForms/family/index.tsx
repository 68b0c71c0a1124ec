/**
 * 家人代办 (亲情服务, docs/identity.md "Family help"): the person invites a family member (an invitation code,
 * 24 hours); the helper, after their own 实人核验, accepts it here (opened from the shared link with
 * `code=`, or by typing the code) and may then fill in and submit for the person, and follow their
 * applications. Both see every delegation and either may end it; every action of the helper is told to
 * the person. The cloud decides everything (createDelegationInvite, acceptDelegationInvite,
 * listDelegations, revokeDelegation); a delegation never shows the person's QR in a verifiable form.
 */
import { useEffect, useState } from 'react'
import type { DelegationView } from '@shared/answers'
import Taro, { useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { call } from '../../services/cloud'
import { timeText } from '../../services/format'
import { Button, Notice } from '../../components'
import { Screen } from '../../components/Screen'
import { TextField } from '../../components/TextField'

const STATUS: Record<DelegationView['status'], string> = { invited: '等待家人接受', active: '代办中', revoked: '已撤销', expired: '邀请已过期' }
const FORMS = [
  { id: 'for-unemployment', title: '为TA办理失业登记', url: '/packageForms/unemployment/index' },
  { id: 'for-flexible', title: '为TA办理灵活就业登记', url: '/packageForms/flexible/index' },
  { id: 'for-certificate', title: '为TA申领就业创业证', url: '/packageForms/certificate-apply/index' },
]

export default function Family() {
  const codeFromLink = Taro.getCurrentInstance().router?.params?.code
  const [list, setList] = useState<DelegationView[] | null>(null)
  const [invite, setInvite] = useState<{ inviteCode: string; expiresAt: string } | null>(null)
  const [code, setCode] = useState(codeFromLink ? decodeURIComponent(codeFromLink) : '')
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const load = async () => {
    const res = await call('listDelegations')
    if (res.ok) setList(res.data.delegations)
    else setMessage({ kind: 'error', text: res.error.message })
  }
  useEffect(() => {
    void load()
  }, [])

  // the invitation travels as a WeChat share card that opens this page with the code
  useShareAppMessage(() => ({
    title: '请帮我办理就业登记业务',
    path: invite ? `/packageForms/family/index?code=${encodeURIComponent(invite.inviteCode)}` : '/pages/index/index',
  }))

  const create = async () => {
    setBusy(true)
    setMessage(null)
    const res = await call('createDelegationInvite', {})
    setBusy(false)
    if (!res.ok) return setMessage({ kind: 'error', text: res.error.message })
    setInvite(res.data)
    void load()
  }
  const accept = async () => {
    setBusy(true)
    setMessage(null)
    const res = await call('acceptDelegationInvite', { inviteCode: code.trim() })
    setBusy(false)
    if (!res.ok) return setMessage({ kind: 'error', text: res.error.message })
    setMessage({ kind: 'success', text: `已接受，您现在可以为 ${res.data.otherName} 办理。您办理的每一件事都会告诉TA。` })
    setCode('')
    void load()
  }
  const revoke = async (d: DelegationView) => {
    const sure = await Taro.showModal({ title: '确认撤销', content: d.role === 'person' ? '撤销后家人不能再为您办理。' : '撤销后您不能再为TA办理。', confirmText: '撤销', cancelText: '不撤销' }).catch(() => ({ confirm: false }))
    if (!sure.confirm) return
    const res = await call('revokeDelegation', { delegationId: d.delegationId })
    if (!res.ok) return setMessage({ kind: 'error', text: res.error.message })
    void load()
  }

  const helping = (list ?? []).filter((d) => d.role === 'helper' && d.status === 'active')
  return (
    <Screen className='page' id='family'>
      <Text className='page__title'>家人代办</Text>
      <Text className='page__lead'>家人可以帮您填写和提交申请、查看进度；不能出示或补发您的电子证。您随时可以撤销。</Text>
      {message ? (
        <Notice id={message.kind === 'error' ? 'family-error' : 'family-done'} kind={message.kind} title={message.kind === 'error' ? '未能办理' : '已办理'}>
          <Text>{message.text}</Text>
        </Notice>
      ) : null}

      <View className='card' id='family-invite'>
        <Text className='section-title'>请家人帮我办</Text>
        {invite ? (
          <View>
            <Text className='page__lead'>把下面的邀请码告诉家人，或点右上角“…”把本页转发给TA。{timeText(invite.expiresAt)} 前有效。</Text>
            <Text id='family-code' className='result__number' userSelect>
              {invite.inviteCode}
            </Text>
          </View>
        ) : (
          <Button id='family-create' loading={busy} onClick={() => void create()}>
            生成邀请码
          </Button>
        )}
      </View>

      <View className='card' id='family-accept'>
        <Text className='section-title'>我帮家人办</Text>
        <Text className='page__lead'>输入家人给您的邀请码。接受前需要您本人已完成实人核验。</Text>
        <TextField path='inviteCode' label='邀请码' value={code} onChange={setCode} maxlength={64} />
        <Button id='family-accept-submit' loading={busy} onClick={() => void accept()}>
          接受邀请
        </Button>
      </View>

      {helping.length > 0 ? (
        <View className='card' id='family-helping'>
          <Text className='section-title'>为家人办理</Text>
          {helping.map((d) => (
            <View key={d.delegationId}>
              <Text className='page__lead'>{d.otherName}</Text>
              {FORMS.map((f) => (
                <Button key={f.id} id={`${f.id}-${d.delegationId}`} variant='secondary' onClick={() => void Taro.navigateTo({ url: `${f.url}?for=${encodeURIComponent(d.delegationId)}` })}>
                  {f.title}
                </Button>
              ))}
            </View>
          ))}
        </View>
      ) : null}

      <View className='card' id='family-list'>
        <Text className='section-title'>全部代办</Text>
        {list === null ? <Text className='page__lead'>正在查询…</Text> : null}
        {list && list.length === 0 ? <Text className='page__lead'>还没有代办。</Text> : null}
        {(list ?? []).map((d) => (
          <View key={d.delegationId} id={`delegation-${d.delegationId}`} className='family__row'>
            <Text className='page__lead'>
              {d.role === 'person' ? `帮我办：${d.otherName || '（待家人接受）'}` : `我帮：${d.otherName}`}｜{STATUS[d.status]}｜{timeText(d.acceptedAt ?? d.createdAt)}
            </Text>
            {d.status === 'active' || d.status === 'invited' ? (
              <Button id={`revoke-${d.delegationId}`} variant='secondary' onClick={() => void revoke(d)}>
                撤销
              </Button>
            ) : null}
          </View>
        ))}
      </View>
    </Screen>
  )
}
