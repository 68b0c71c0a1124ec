import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ApplicationKind } from '@shared/api'
import { dateText, timeText } from '../../services/format'
import { StaffGate } from '../common/StaffGate'
import { LoadState, useStaffList } from '../common/LoadState'
import { KIND_LABEL } from '../common/labels'
import './index.css'
import { Screen } from '../../components/Screen'

/** listReviewQueue items (cloudfunctions/core/handlers/staff.handler.ts QueueItem). */
export interface QueueItem {
  applicationId: string
  kind: ApplicationKind
  holderName: string
  idNumberMasked: string
  regionName: string
  submittedAt: string
  dueDate: string | null
  dueDateUncertain: boolean
  overdue: boolean
  reasons: string[]
}


export default function QueuePage() {
  return <StaffGate need='reviewer'>{() => <Queue />}</StaffGate>
}

function Queue() {
  const { state, load } = useStaffList<QueueItem>('listReviewQueue')

  return (
    <Screen className='staff'>
      <Text className='page__title'>待审核</Text>
      <Text className='page__lead'>按办理期限排序，先到期的在前。点击一条查看全部核查结果并审核。</Text>
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
            <View
              key={it.applicationId}
              id={`queue-item-${it.applicationId}`}
              className={`card qitem${it.overdue ? ' qitem--late' : ''}`}
              role='link'
              hoverClass='qitem--hover'
              onClick={() => Taro.navigateTo({ url: `/packageStaff/detail/index?applicationId=${encodeURIComponent(it.applicationId)}` })}
            >
              <View className='qitem__head'>
                {it.overdue ? <Text className='staff__badge staff__badge--late'>已超期</Text> : null}
                <Text className='staff__badge staff__badge--kind'>{KIND_LABEL[it.kind] ?? '申请'}</Text>
              </View>
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
          ))}
        </View>
      ) : null}
    </Screen>
  )
}
