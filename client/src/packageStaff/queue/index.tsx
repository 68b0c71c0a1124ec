import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { QueueItem } from '@shared/answers'
import { queueQuerySchema } from '@shared/staff.schema'
import { validate } from '@shared/validate'
import { call } from '../../services/cloud'
import { Button, Notice, TextField } from '../../components'
import { dateText, timeText } from '../../services/format'
import { StaffGate } from '../common/StaffGate'
import { LoadState, useStaffList } from '../common/LoadState'
import { KIND_LABEL, STATUS_LABEL } from '../common/labels'
import './index.css'
import { Screen } from '../../components/Screen'

export type { QueueItem }

export default function QueuePage() {
  return <StaffGate need='reviewer'>{() => <Queue />}</StaffGate>
}

function Queue() {
  const { state, load } = useStaffList('listReviewQueue')

  return (
    <Screen className='staff'>
      <Text className='page__title'>待审核</Text>
      <Text className='page__lead'>按办理期限排序，先到期的在前。点击一条查看全部核查结果并审核。</Text>
      <CaseNoSearch />
      <LoadState state={state} errorTitle='暂时无法加载待审核列表' errorId='queue-error' retryId='queue-retry' onRetry={() => void load()} />
      {state.kind === 'shown' && state.items.length === 0 ? (
        <View id='queue-empty' className='card staff__empty'>
          <Text>暂无待审核的申请</Text>
        </View>
      ) : null}
      {state.kind === 'shown' && state.items.length > 0 ? (
        <View id='queue-list'>
          <Text className='staff__muted'>共 {state.items.length} 条</Text>
          {state.items.map((it) => (
            <QueueCard key={it.applicationId} it={it} />
          ))}
        </View>
      ) : null}
    </Screen>
  )
}

/** 办件编号 search (issue 17): the person reads the number out on the phone; any state, own region only. */
function CaseNoSearch() {
  const [caseNo, setCaseNo] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [found, setFound] = useState<{ caseNo: string; items: QueueItem[] } | undefined>()
  const search = async () => {
    setError('')
    setFound(undefined)
    const q = validate(queueQuerySchema, { caseNo }, { caseNo: '办件编号' })
    if (!q.ok || !q.data.caseNo) return setError(q.ok ? '请填写办件编号' : q.fields.caseNo ?? q.message)
    setBusy(true)
    const res = await call('listReviewQueue', q.data)
    setBusy(false)
    if (!res.ok) return setError(res.error.fields?.caseNo ?? res.error.message)
    setFound({ caseNo: res.data.caseNo ?? q.data.caseNo, items: res.data.items })
  }
  return (
    <View id='queue-search' className='card'>
      <TextField path='caseNo' label='按办件编号查找' value={caseNo} onChange={setCaseNo} error={error} maxlength={24} placeholder='如 SY-260512-K7Q2MA' hint='群众来电报出的办件编号，大小写、空格都可以' />
      <Button id='queue-search-go' variant='secondary' loading={busy} loadingText='正在查找…' onClick={() => void search()}>
        查找
      </Button>
      {found && found.items.length === 0 ? (
        <Notice id='queue-search-none' kind='info' title='没有找到'>
          <Text>您所辖区域内没有办件编号为 {found.caseNo} 的申请，请核对编号。</Text>
        </Notice>
      ) : null}
      {found && found.items.length > 0 ? (
        <View id='queue-search-found'>
          {found.items.map((it) => (
            <QueueCard key={it.applicationId} it={it} />
          ))}
        </View>
      ) : null}
    </View>
  )
}

function QueueCard({ it }: { it: QueueItem }) {
  return (
    <View
      id={`queue-item-${it.applicationId}`}
      className={`card qitem${it.overdue ? ' qitem--late' : ''}`}
      role='link'
      hoverClass='qitem--hover'
      onClick={() => Taro.navigateTo({ url: `/packageStaff/detail/index?applicationId=${encodeURIComponent(it.applicationId)}` })}
    >
      <View className='qitem__head'>
        {it.overdue ? <Text className='staff__badge staff__badge--late'>已超期</Text> : null}
        {it.reminderCount > 0 ? <Text className='staff__badge staff__badge--remind'>催办</Text> : null}
        <Text className='staff__badge staff__badge--kind'>{KIND_LABEL[it.kind] ?? '申请'}</Text>
        {it.status !== 'pending_review' ? <Text className='staff__badge staff__badge--kind'>{STATUS_LABEL[it.status] ?? it.status}</Text> : null}
      </View>
      <Text className='qitem__case'>办件编号 {it.caseNo}</Text>
      {it.reminderCount > 0 && it.lastRemindedAt ? (
        <Text className='qitem__remind'>
          本人已催办{it.reminderCount > 1 ? ` ${it.reminderCount} 次` : ''}，最近一次 {timeText(it.lastRemindedAt)}
        </Text>
      ) : null}
      <Text className='qitem__name'>
        {it.holderName}　{it.idNumberMasked}
      </Text>
      <Text className={`qitem__due${it.overdue ? ' qitem__due--late' : ''}`}>
        办理期限：{it.dueDate ? dateText(it.dueDate) : '未定'}
        {it.overdue ? '（已超期）' : ''}
        {it.dueDateUncertain ? '（节假日安排未公布，期限可能调整）' : ''}
      </Text>
      <Text className='qitem__meta'>
        {it.regionName} · 提交于 {timeText(it.submittedAt)}
      </Text>
      {it.reasons.length > 0 ? (
        <View className='qitem__reasons'>
          <Text className='qitem__reasons-title'>转人工审核的原因：</Text>
          {it.reasons.map((r, i) => (
            <Text key={i} className='qitem__reason'>
              · {r}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  )
}
