import { useEffect, useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { roleAtLeast, type Role } from '@shared/api'
import { regionName } from '@shared/regions'
import { whoAmI, type Me } from '../../services/role'
import { Button, Notice } from '../../components'
import './staff.css'
import { Screen } from '../../components/Screen'

export type StaffMe = Me & { role: Role }

export const ROLE_LABEL: Record<Role, string> = { verifier: '核验人员', reviewer: '审核人员', admin: '管理员' }

type Gate = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'citizen' } | { kind: 'lacking'; me: StaffMe } | { kind: 'ok'; me: StaffMe }

/**
 * Shows a staff page only to staff of at least `need`. Hiding is for the person's sake: the
 * cloud refuses every staff action to anyone else (FORBIDDEN) whatever this page shows.
 */
export function StaffGate({ need, children }: { need: Role; children: (me: StaffMe) => ReactNode }) {
  const [gate, setGate] = useState<Gate>({ kind: 'loading' })
  const check = async () => {
    setGate({ kind: 'loading' })
    const r = await whoAmI()
    if (!r.ok) return setGate({ kind: 'error', message: r.message })
    if (r.me.role === 'citizen') return setGate({ kind: 'citizen' })
    const me = r.me as StaffMe
    setGate(roleAtLeast(me.role, need) ? { kind: 'ok', me } : { kind: 'lacking', me })
  }
  useEffect(() => {
    void check()
  }, [])

  if (gate.kind === 'ok') return <>{children(gate.me)}</>
  return (
    <Screen className='staff'>
      {gate.kind === 'loading' ? (
        <View id='staff-loading' className='staff__loading' role='status'>
          <Text>正在确认您的身份…</Text>
        </View>
      ) : null}
      {gate.kind === 'error' ? (
        <View>
          <Notice id='staff-error' kind='error' title='暂时无法确认身份'>
            <Text>{gate.message}</Text>
          </Notice>
          <Button id='staff-retry' onClick={() => void check()}>
            重试
          </Button>
        </View>
      ) : null}
      {gate.kind === 'citizen' || gate.kind === 'lacking' ? (
        <View id='staff-denied'>
          <Notice kind='error' title='仅限经办人员使用'>
            <Text>
              {gate.kind === 'citizen'
                ? '此页面供公共就业服务机构的经办人员办理业务。如需办理个人业务，请返回首页。'
                : `此功能需要${ROLE_LABEL[need]}权限，您当前的岗位是${ROLE_LABEL[gate.me.role]}。`}
            </Text>
          </Notice>
          <Button id='staff-go-home' variant='secondary' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
            返回首页
          </Button>
        </View>
      ) : null}
    </Screen>
  )
}

/** "大连经办员 · 审核人员 · 大连市" */
export function staffLine(me: StaffMe): string {
  const region = me.region ? regionOfScope(me.region) : ''
  return [me.staffName, ROLE_LABEL[me.role], region ? `辖区：${region}` : ''].filter(Boolean).join(' · ')
}

/** A staff scope is a code prefix ("2102" = all of 大连): name it by its padded code. */
export function regionOfScope(prefix: string): string {
  return regionName(prefix.padEnd(6, '0')) ?? prefix
}
