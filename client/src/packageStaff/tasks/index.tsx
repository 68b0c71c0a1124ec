/**
 * 联系任务: after a 失业登记, staff contact the person within 5 working days (人社厅发〔2020〕79号 一(三)).
 * The list shows phones masked; 查看电话 reveals one number for the call (audited by the cloud);
 * the task is closed with what happened, which the person's timeline shows.
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { call } from '../../services/cloud'
import { dateText } from '../../services/format'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { Screen } from '../../components/Screen'
import { StaffGate } from '../common/StaffGate'
import { LoadState, useStaffList } from '../common/LoadState'
import '../queue/index.css'

interface TaskItem {
  taskId: string
  applicationId: string
  holderName: string
  phoneMasked: string
  regionName: string
  dueDate: string
  dueDateUncertain: boolean
  overdue: boolean
}


export default function TasksPage() {
  return <StaffGate need='reviewer'>{() => <Tasks />}</StaffGate>
}

function Tasks() {
  const { state, load } = useStaffList<TaskItem>('listContactTasks')

  return (
    <Screen className='staff'>
      <Text className='page__title'>联系任务</Text>
      <Text className='page__lead'>失业登记办结后5个工作日内，请与登记人联系并介绍政策和服务。先到期的在前。</Text>
      <LoadState state={state} errorTitle='暂时无法加载联系任务' errorId='tasks-error' retryId='tasks-retry' onRetry={() => void load()} />
      {state.kind === 'shown' && state.items.length === 0 ? (
        <View id='tasks-empty' className='card staff__empty'>
          <Text>暂无待联系的人员</Text>
        </View>
      ) : null}
      {state.kind === 'shown' && state.items.length > 0 ? (
        <View id='tasks-list'>
          {state.items.map((t) => (
            <TaskCard key={t.taskId} task={t} onDone={() => void load()} />
          ))}
        </View>
      ) : null}
    </Screen>
  )
}

function TaskCard({ task, onDone }: { task: TaskItem; onDone: () => void }) {
  const [phone, setPhone] = useState('')
  const [note, setNote] = useState('')
  const [message, setMessage] = useState('')
  const [busy, setBusy] = useState(false)
  const key = task.taskId.replace(/[^A-Za-z0-9_-]/g, '-')

  const reveal = async () => {
    const res = await call<{ phone: string }>('revealContact', { taskId: task.taskId })
    if (!res.ok) return setMessage(res.error.message)
    setPhone(res.data.phone)
    if (process.env.TARO_ENV === 'weapp' && res.data.phone) void Taro.makePhoneCall({ phoneNumber: res.data.phone }).catch(() => undefined)
  }
  const complete = async (outcome: 'reached' | 'unreachable') => {
    setBusy(true)
    const res = await call('completeContactTask', { taskId: task.taskId, outcome, note })
    setBusy(false)
    if (!res.ok) return setMessage(res.error.fields?.note ?? res.error.message)
    onDone()
  }

  return (
    <View id={`task-${key}`} className={`card qitem${task.overdue ? ' qitem--late' : ''}`}>
      <View className='qitem__head'>
        {task.overdue ? <Text className='staff__badge staff__badge--late'>已超期</Text> : null}
      </View>
      <Text className='qitem__name'>
        {task.holderName}　{phone || task.phoneMasked}
      </Text>
      <Text className={`qitem__due${task.overdue ? ' qitem__due--late' : ''}`}>
        联系期限：{dateText(task.dueDate)}
        {task.overdue ? '（已超期）' : ''}
        {task.dueDateUncertain ? '（节假日安排未公布，期限可能调整）' : ''}
      </Text>
      <Text className='qitem__meta'>{task.regionName}</Text>
      {message ? (
        <Notice kind='error' title='未能完成'>
          <Text>{message}</Text>
        </Notice>
      ) : null}
      {!phone ? (
        <Button id={`task-reveal-${key}`} variant='secondary' onClick={() => void reveal()}>
          查看电话并拨打
        </Button>
      ) : null}
      <Textarea
        id={`task-note-${key}`}
        className='ta'
        value={note}
        maxlength={200}
        placeholder='联系情况（未能联系上时必填：何时、用什么方式联系）'
        nativeProps={process.env.TARO_ENV === 'h5' ? { 'aria-label': '联系情况' } : undefined}
        onInput={(e) => setNote(e.detail.value)}
      />
      <Button id={`task-reached-${key}`} loading={busy} loadingText='正在保存…' onClick={() => void complete('reached')}>
        已联系上
      </Button>
      <Button id={`task-unreachable-${key}`} variant='secondary' onClick={() => void complete('unreachable')}>
        未能联系上
      </Button>
    </View>
  )
}
