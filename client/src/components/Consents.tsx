/**
 * The separate consents given on this phone (证件号码, 人脸信息) and 撤回 for each (个人信息保护法 第十五条:
 * withdrawn as easily as given; services/consent.ts). Shown in 设置 and 我的数据.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { CONSENT_LABELS, consentGiven, withdrawConsent, type ConsentKind } from '../services/consent'
import { timeText } from '../services/format'
import { Button } from './Button'

const KINDS: ConsentKind[] = ['idNumber', 'face']

export function Consents({ id }: { /** the card's id; each consent's row, 撤回 button and message take ids from it */ id: string }) {
  const [given, setGiven] = useState(() => Object.fromEntries(KINDS.map((k) => [k, consentGiven(k)])) as Record<ConsentKind, string | null>)
  const [said, setSaid] = useState('')
  const withdraw = (k: ConsentKind) => {
    const drafts = withdrawConsent(k)
    setGiven((g) => ({ ...g, [k]: consentGiven(k) }))
    setSaid(`已撤回“${CONSENT_LABELS[k]}”的同意${drafts > 0 ? `，本机未提交的填写内容（${drafts} 份）已删除` : ''}。下次办理时会重新询问；已经提交的申请不受影响。`)
  }
  return (
    <View className='card' id={id}>
      <View className='section-title' role='heading' aria-level={2}>
        敏感个人信息的单独同意
      </View>
      {KINDS.map((k) => (
        <View key={k} id={`${id}-${k}`}>
          <Text className='page__lead'>
            {CONSENT_LABELS[k]}：{given[k] ? `已同意（${timeText(given[k]!)}）` : '未同意，办理时会询问'}
          </Text>
          {given[k] ? (
            <Button id={`${id}-withdraw-${k}`} variant='secondary' onClick={() => withdraw(k)}>
              撤回同意
            </Button>
          ) : null}
        </View>
      ))}
      {said ? (
        <View id={`${id}-said`} role='status' aria-live='polite'>
          <Text className='page__lead'>{said}</Text>
        </View>
      ) : null}
    </View>
  )
}
