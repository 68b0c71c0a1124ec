/** The notices a citizen's form shows above its fields: 家人代办, 退回补正, and a submission that did not succeed. */
import { Text } from '@tarojs/components'
import { CounterLink } from '../CounterLink'
import { Notice } from '../Notice'
import { NOT_VERIFIED_TITLE } from './useSubmission'

export function OnBehalfNotice({ shown }: { shown: boolean }) {
  return shown ? (
    <Notice id='on-behalf' kind='info' title='您正在为家人办理'>
      <Text>请填写家人本人的信息。提交后家人会收到通知，可以随时撤销代办。</Text>
    </Notice>
  ) : null
}

/** 退回补正: what the staff asked to change (null: not correcting). */
export function CorrectingNotice({ returnedFor }: { returnedFor: string | null }) {
  return returnedFor !== null ? (
    <Notice id='correcting' kind='info' title='请按工作人员的说明修改后重新提交'>
      <Text id='correcting-for'>{returnedFor}</Text>
      <Text>原来填写的内容都已保留，只改需要改的地方；不需要补交任何材料。</Text>
    </Notice>
  ) : null
}

/** A failed submission ('' = none); a failed 本人身份核验 shows the way to the counter. */
export function FailureNotice({ title, message }: { title: string; message: string }) {
  return message ? (
    <Notice id='submit-error' kind='error' title={title}>
      <Text>{message}</Text>
      {title === NOT_VERIFIED_TITLE ? <CounterLink /> : null}
    </Notice>
  ) : null
}
