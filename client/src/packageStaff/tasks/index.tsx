/**
 * 联系任务: after a 失业登记, staff contact the person within 5 working days (人社厅发〔2020〕79号 一(三)), and call
 * again every month (一(四) 每月开展1次跟踪调查). The list shows phones masked; 查看电话 reveals one number for
 * the call (audited by the cloud). Each attempt is recorded — how, reached or not, and for a reached person
 * each service offered with their answer — because AJC00A 31/32 may rest only on that record (一(四)).
 */
import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { ContactTaskItem as TaskItem, HardshipItem } from '@shared/answers'
import { CONTACT_CHANNELS, FOLLOW_UP_EMPLOYMENT_STATUSES, SERVICE_OFFERS } from '@shared/codes'
import { call } from '../../services/cloud'
import { dateText } from '../../services/format'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'
import { PickerField } from '../../components/PickerField'
import { ChoiceField } from '../../components/ChoiceField'
import { TextField } from '../../components/TextField'
import { Screen } from '../../components/Screen'
import { StaffGate } from '../common/StaffGate'
import { LoadState, useStaffList } from '../common/LoadState'
import '../queue/index.css'

export default function TasksPage() {
  return <StaffGate need='reviewer'>{() => <Tasks />}</StaffGate>
}

function Tasks() {
  const { state, load } = useStaffList('listContactTasks')

  return (
    <Screen className='staff'>
      <Text className='page__title'>联系任务</Text>
      <Text className='page__lead'>失业登记办结后5个工作日内首次联系，此后每月回访一次。每次联系都请记录结果和提供的服务，注销时以此为依据。先到期的在前。</Text>
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
      <Hardship />
    </Screen>
  )
}

const OUTCOMES = [
  { code: 'reached', label: '已联系上' },
  { code: 'unreachable', label: '未能联系上' },
] as const
/** per service: not offered this time, or offered and accepted / refused */
const ANSWERS = [
  { code: 'none', label: '未提供' },
  { code: 'accepted', label: '接受' },
  { code: 'refused', label: '拒绝' },
] as const

function TaskCard({ task, onDone }: { task: TaskItem; onDone: () => void }) {
  const [phone, setPhone] = useState('')
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]['code'] | ''>('')
  const [channel, setChannel] = useState('phone')
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [note, setNote] = useState('')
  // what was learned on a reached contact (大人社规发〔2025〕2号 三(三))
  const [status, setStatus] = useState('')
  const [skills, setSkills] = useState('')
  const [intentions, setIntentions] = useState('')
  const [nextStep, setNextStep] = useState('')
  const [message, setMessage] = useState('')
  const [saved, setSaved] = useState('')
  const [busy, setBusy] = useState(false)
  const key = task.taskId.replace(/[^A-Za-z0-9_-]/g, '-')

  const reveal = async () => {
    const res = await call('revealContact', { taskId: task.taskId })
    if (!res.ok) return setMessage(res.error.message)
    setPhone(res.data.phone)
    if (process.env.TARO_ENV === 'weapp' && res.data.phone) void Taro.makePhoneCall({ phoneNumber: res.data.phone }).catch(() => undefined)
  }
  const save = async (close: boolean) => {
    setMessage('')
    setSaved('')
    if (!outcome) return setMessage('请先选择联系结果')
    const offers = outcome === 'reached'
      ? SERVICE_OFFERS.filter((o) => answers[o.code] === 'accepted' || answers[o.code] === 'refused').map((o) => ({ service: o.code, outcome: answers[o.code] }))
      : []
    setBusy(true)
    const learned = outcome === 'reached'
      ? { ...(status ? { employmentStatus: status } : {}), ...(skills.trim() ? { skills: skills.trim() } : {}), ...(intentions.trim() ? { intentions: intentions.trim() } : {}), ...(nextStep.trim() ? { nextStep: nextStep.trim() } : {}) }
      : {}
    const res = await call(close ? 'completeContactTask' : 'recordContactAttempt', { taskId: task.taskId, outcome, channel, note, offers, ...learned })
    setBusy(false)
    if (!res.ok) return setMessage(res.error.fields?.note ?? res.error.fields?.offers ?? res.error.fields?.employmentStatus ?? res.error.message)
    if (close) return onDone()
    setSaved('本次联系已记录，任务保留，可稍后再次联系')
    setNote('')
  }

  return (
    <View id={`task-${key}`} className={`card qitem${task.overdue ? ' qitem--late' : ''}`}>
      <View className='qitem__head'>
        <Text className='staff__badge'>{task.kindLabel}</Text>
        {task.overdue ? <Text className='staff__badge staff__badge--late'>已超期</Text> : null}
      </View>
      <Text className='qitem__name'>
        {task.holderName}　{phone || task.phoneMasked}
      </Text>
      <Text className={`qitem__due${task.overdue ? ' qitem__due--late' : ''}`}>
        {task.kind === 'contact' ? '联系期限' : '回访期限'}：{dateText(task.dueDate)}
        {task.overdue ? '（已超期）' : ''}
        {task.dueDateUncertain ? '（节假日安排未公布，期限可能调整）' : ''}
      </Text>
      <Text className='qitem__meta'>{task.regionName}</Text>
      {task.finding ? <FoundRecord id={`task-finding-${key}`} finding={task.finding} record={task.record} /> : null}
      {message ? (
        <Notice kind='error' title='未能保存'>
          <Text>{message}</Text>
        </Notice>
      ) : null}
      {saved ? (
        <Notice kind='success' title='已记录'>
          <Text>{saved}</Text>
        </Notice>
      ) : null}
      {!phone ? (
        <Button id={`task-reveal-${key}`} variant='secondary' onClick={() => void reveal()}>
          查看电话并拨打
        </Button>
      ) : null}
      <ChoiceField path={`outcome-${key}`} label='联系结果' required items={OUTCOMES} value={outcome} onChange={(v) => setOutcome(OUTCOMES.find((o) => o.code === v)?.code ?? '')} />
      <PickerField path={`channel-${key}`} label='联系方式' required items={CONTACT_CHANNELS} value={channel} onChange={setChannel} />
      {outcome === 'reached'
        ? SERVICE_OFFERS.map((o) => (
            <ChoiceField key={o.code} path={`offer-${key}-${o.code}`} label={o.label} items={ANSWERS} value={answers[o.code] ?? 'none'} onChange={(v) => setAnswers({ ...answers, [o.code]: String(v) })} />
          ))
        : null}
      {outcome === 'reached' ? (
        <View>
          <ChoiceField path={`status-${key}`} label='就业状况' items={FOLLOW_UP_EMPLOYMENT_STATUSES} value={status} onChange={(v) => setStatus(String(v))} />
          <TextField path={`skills-${key}`} label='技能水平' value={skills} onChange={setSkills} maxlength={100} />
          <TextField path={`intentions-${key}`} label='就业意愿' value={intentions} onChange={setIntentions} maxlength={100} />
          <TextField path={`next-${key}`} label='下一步' hint='申请人会在办理进度中看到' value={nextStep} onChange={setNextStep} maxlength={200} />
        </View>
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
      <Button id={`task-complete-${key}`} loading={busy} loadingText='正在保存…' onClick={() => void save(true)}>
        保存并完成任务
      </Button>
      <Button id={`task-attempt-${key}`} variant='secondary' onClick={() => void save(false)}>
        只记录本次联系（稍后再联系）
      </Button>
    </View>
  )
}

/**
 * What the daily comparison found, so staff know what to verify on the call: the source, the unit or
 * business it names and since when. A record never ends a registration by itself (人社厅发〔2020〕79号 二(八)).
 */
function FoundRecord({ id, finding, record }: { id: string; finding: string; record?: TaskItem['record'] }) {
  const nameLabel = record?.source === 'businessRegistration' ? '经营主体' : '单位'
  return (
    <View id={id} className='card'>
      <Text className='section-title'>比对发现的记录</Text>
      {record ? (
        <View>
          <Text id={`${id}-source`} className='qitem__meta'>来源：{record.sourceLabel}</Text>
          {record.name ? <Text id={`${id}-name`} className='qitem__meta'>{nameLabel}：{record.name}</Text> : null}
          {record.since ? <Text id={`${id}-since`} className='qitem__meta'>起始日期：{dateText(record.since)}</Text> : null}
        </View>
      ) : (
        <Text className='qitem__meta'>{finding}</Text>
      )}
      <Text className='page__lead'>请向本人核实是否已就业。已就业的，可请本人在“我的登记”中申报；记录与本人不符的，在联系情况中写明核实结果。比对记录不会自动注销登记。</Text>
    </View>
  )
}

/**
 * 就业困难人员认定 requested with the 失业登记 (人社厅发〔2020〕79号 一(五) 一件事): staff recognize it, or
 * not with the reason the person will read (screened by the cloud like every staff note).
 */
function Hardship() {
  const { state, load } = useStaffList('listHardshipRequests')
  if (state.kind !== 'shown' || state.items.length === 0) return null
  return (
    <View id='hardship-list'>
      <Text className='section-title'>就业困难人员认定</Text>
      {state.items.map((h) => (
        <HardshipCard key={h.taskId} item={h} onDone={() => void load()} />
      ))}
    </View>
  )
}

function HardshipCard({ item, onDone }: { item: HardshipItem; onDone: () => void }) {
  const [note, setNote] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const decide = async (recognized: boolean) => {
    if (busy) return
    setBusy(true)
    setError('')
    const res = await call('decideHardship', { taskId: item.taskId, recognized, ...(note.trim() ? { note: note.trim() } : {}) })
    setBusy(false)
    if (!res.ok) return setError(res.error.fields?.note ?? res.error.message)
    await Taro.showToast({ title: '已办结', icon: 'success', duration: 1000 }).catch(() => undefined)
    onDone()
  }
  return (
    <View id={`hardship-${item.applicationId}`} className='card'>
      <Text className='section-title'>
        {item.holderName}（{item.idNumberMasked}）
      </Text>
      <Text className='page__lead'>
        申报类别：{item.categories.join('、')}｜{item.regionName}｜{dateText(item.requestedOn)} 申请
      </Text>
      {error ? (
        <Notice id={`hardship-error-${item.applicationId}`} kind='error' title='未能办结'>
          <Text>{error}</Text>
        </Notice>
      ) : null}
      <Textarea
        id={`hardship-note-${item.applicationId}`}
        className='ta'
        value={note}
        maxlength={200}
        placeholder='说明（不予认定时必填，申请人会看到；不得要求补交材料）'
        nativeProps={process.env.TARO_ENV === 'h5' ? { 'aria-label': '认定说明' } : undefined}
        onInput={(e) => setNote(e.detail.value)}
      />
      <Button id={`hardship-yes-${item.applicationId}`} loading={busy} onClick={() => void decide(true)}>
        认定为就业困难人员
      </Button>
      <Button id={`hardship-no-${item.applicationId}`} variant='secondary' onClick={() => void decide(false)}>
        不予认定
      </Button>
    </View>
  )
}
