import { useEffect, useRef, useState } from 'react'
import type { MonthlyStatsAnswer as Stats } from '@shared/answers'
import { View, Text } from '@tarojs/components'
import { DEREGISTRATION_REASONS, PERSON_CATEGORIES, labelOf } from '@shared/codes'
import { statsMonthOf } from '@shared/dates'
import { statsSchema, STAFF_FIELD_LABELS } from '@shared/staff.schema'
import { validate } from '@shared/validate'
import { call } from '../../services/cloud'
import { dateText } from '../../services/format'
import { Button, Notice } from '../../components'
import { StaffGate } from '../common/StaffGate'
import './index.css'
import { Screen } from '../../components/Screen'
import { DateField } from '../../components/DateField'

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'shown'; stats: Stats }

export default function StatsPage() {
  return <StaffGate need='admin'>{() => <MonthlyStats />}</StaffGate>
}

/** '2026-03' → '2026年3月' */
const monthText = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`

function MonthlyStats() {
  // 人社厅发〔2020〕79号 三: the month whose period (21st to 20th) contains today
  const current = statsMonthOf(Date.now())
  const [month, setMonth] = useState(current)
  const [state, setState] = useState<State>({ kind: 'idle' })
  const seq = useRef(0)

  const load = async (m: string) => {
    const v = validate(statsSchema, { month: m }, STAFF_FIELD_LABELS)
    if (!v.ok) return setState({ kind: 'error', message: v.fields.month ?? v.message })
    const mine = ++seq.current
    setState({ kind: 'loading' })
    const res = await call('monthlyStats', v.data)
    // a slower answer for a month no longer chosen must not replace the newer one
    if (mine !== seq.current) return
    setState(res.ok ? { kind: 'shown', stats: res.data } : { kind: 'error', message: res.error.message })
  }
  useEffect(() => {
    void load(month)
  }, [month])

  return (
    <Screen className='staff'>
      <Text className='page__title'>月度统计</Text>
      <View className='card'>
        <DateField path='stats-month' label='统计月份' required fields='month' value={month} start='2000-01' end={current} hint='统计期为上月21日至本月20日' onChange={(m) => { if (m) setMonth(m.slice(0, 7)) }} />
      </View>
      {state.kind === 'loading' ? (
        <View className='staff__loading' role='status'>
          <Text>正在统计…</Text>
        </View>
      ) : null}
      {state.kind === 'error' ? (
        <View>
          <Notice id='stats-error' kind='error' title='暂时无法统计'>
            <Text>{state.message}</Text>
          </Notice>
          <Button id='stats-retry' onClick={() => void load(month)}>
            重试
          </Button>
        </View>
      ) : null}
      {state.kind === 'shown' ? <StatsView stats={state.stats} /> : null}
    </Screen>
  )
}

function StatsView({ stats }: { stats: Stats }) {
  const reasons = orderedCounts(stats.deregistrationsByReason, DEREGISTRATION_REASONS.map((r) => r.code)).map(([code, n]) => ({
    label: labelOf(DEREGISTRATION_REASONS, code) ?? '其他原因',
    n,
  }))
  const categories = orderedCounts(stats.byCategory, PERSON_CATEGORIES.map((c) => c.code)).map(([c, n]) => ({ label: c, n }))
  const rows: Array<{ id: string; label: string; n: number; sub?: boolean }> = [
    { id: 'new', label: '新登记失业人员', n: stats.newRegistrations },
    { id: 'dereg', label: '注销失业登记', n: stats.deregistrations },
    ...reasons.map((r, i) => ({ id: `dereg-${i}`, label: r.label, n: r.n, sub: true })),
    { id: 'end', label: '期末登记失业人员', n: stats.registeredAtPeriodEnd },
    { id: 'youth', label: '其中：16–24岁', n: stats.youth16to24, sub: true },
    { id: 'over6m', label: '其中：失业半年以上', n: stats.unemployedOver6Months, sub: true },
    { id: 'over5y', label: '其中：失业五年以上', n: stats.unemployedOver5Years, sub: true },
    // reported on their own everywhere; inside the figures above only where the region's profile counts them in
    { id: 'rural', label: stats.ruralOrNonLocal.inMainFigures ? '农村户籍和非本地户籍人员新登记（已含在上面）' : '农村户籍和非本地户籍人员新登记（另行统计，未计入上面）', n: stats.ruralOrNonLocal.newRegistrations },
    { id: 'rural-6m', label: '其中：在常住地稳定就业满6个月', n: stats.ruralOrNonLocal.stable6MonthsOrMore, sub: true },
    { id: 'rural-under6m', label: '其中：不满6个月', n: stats.ruralOrNonLocal.stableUnder6Months, sub: true },
    { id: 'rural-end', label: '农村户籍和非本地户籍期末登记失业人员', n: stats.ruralOrNonLocal.registeredAtPeriodEnd },
  ]
  const regions = Object.keys(stats.byRegion)
    .sort()
    .map((code) => ({ code, name: shortRegion(stats.regionNames[code] ?? code), f: stats.byRegion[code] }))
  const max = Math.max(1, ...regions.map((r) => r.f.registeredAtPeriodEnd))

  const ratings = stats.ratings
  return (
    <View>
      {ratings ? (
        <View className='card' id='stats-ratings'>
          <Text className='section-title'>好差评（本统计期）</Text>
          <Text id='stats-ratings-summary' className='staff__muted'>
            {ratings.count === 0 ? '本期还没有评价' : `共 ${ratings.count} 条，平均 ${ratings.average} 星；差评（1–2星）${ratings.byScore[0] + ratings.byScore[1]} 条`}
          </Text>
          <View className='tbl'>
            {[5, 4, 3, 2, 1].map((n) => (
              <View key={n} id={`stats-rating-${n}`} className='tbl__row'>
                <Text className='tbl__cell tbl__cell--label'>{n}星</Text>
                <Text className='tbl__cell'>{ratings.byScore[n - 1]}</Text>
              </View>
            ))}
          </View>
          {ratings.comments.map((c, i) => (
            <Text key={i} className='staff__muted'>
              {c.score}星：“{c.comment}”
            </Text>
          ))}
        </View>
      ) : null}
      <View className='card'>
        <Text className='section-title'>{monthText(stats.month)}</Text>
        <Text className='staff__muted'>
          统计期间：{dateText(stats.period.from)} 至 {dateText(stats.period.to)}（单位：人）
        </Text>
        <View id='stats-table' className='tbl stats__tbl'>
          {rows.map((r) => (
            <View key={r.id} id={`stats-${r.id}`} className={`tbl__row${r.sub ? ' tbl__row--sub' : ''}`}>
              <Text className='tbl__cell tbl__cell--label'>{r.label}</Text>
              <Text className='tbl__cell'>{r.n}</Text>
            </View>
          ))}
          <View className='tbl__row tbl__row--head'>
            <Text className='tbl__cell tbl__cell--label'>期末登记失业人员中的人员类别</Text>
          </View>
          {categories.length === 0 ? (
            <View className='tbl__row tbl__row--sub'>
              <Text className='tbl__cell tbl__cell--label'>无</Text>
            </View>
          ) : (
            categories.map((c) => (
              <View key={c.label} className='tbl__row tbl__row--sub'>
                <Text className='tbl__cell tbl__cell--label'>{c.label}</Text>
                <Text className='tbl__cell'>{c.n}</Text>
              </View>
            ))
          )}
        </View>
      </View>

      <View className='card'>
        <Text className='section-title'>各地区</Text>
        {regions.length === 0 ? (
          <Text className='staff__muted'>本期没有登记或注销记录</Text>
        ) : (
          <View>
            <View id='stats-chart' className='chart' role='img' aria-label={`期末登记失业人员：${regions.map((r) => `${r.name}${r.f.registeredAtPeriodEnd}人`).join('，')}`}>
              <Text className='chart__title'>期末登记失业人员</Text>
              {regions.map((r) => (
                <View key={r.code} className='chart__row' aria-hidden='true'>
                  <Text className='chart__label'>{r.name}</Text>
                  <View className='chart__track'>
                    <View className='chart__bar' style={{ width: `${(r.f.registeredAtPeriodEnd / max) * 100}%` }} />
                  </View>
                  <Text className='chart__value'>{r.f.registeredAtPeriodEnd}</Text>
                </View>
              ))}
            </View>
            <View id='stats-regions' className='tbl stats__regions'>
              <View className='tbl__row tbl__row--head'>
                <Text className='tbl__cell tbl__cell--label'>地区</Text>
                <Text className='tbl__cell'>新登记</Text>
                <Text className='tbl__cell'>注销</Text>
                <Text className='tbl__cell'>期末登记</Text>
                <Text className='tbl__cell'>16–24岁</Text>
                <Text className='tbl__cell'>半年以上</Text>
                <Text className='tbl__cell'>五年以上</Text>
              </View>
              {regions.map((r) => (
                <View key={r.code} id={`stats-region-${r.code}`} className='tbl__row'>
                  <Text className='tbl__cell tbl__cell--label'>{r.name}</Text>
                  <Text className='tbl__cell'>{r.f.newRegistrations}</Text>
                  <Text className='tbl__cell'>{r.f.deregistrations}</Text>
                  <Text className='tbl__cell'>{r.f.registeredAtPeriodEnd}</Text>
                  <Text className='tbl__cell'>{r.f.youth16to24}</Text>
                  <Text className='tbl__cell'>{r.f.unemployedOver6Months}</Text>
                  <Text className='tbl__cell'>{r.f.unemployedOver5Years}</Text>
                </View>
              ))}
            </View>
          </View>
        )}
      </View>
    </View>
  )
}

/** Counts in code-table order, unknown codes after; zero counts left out. */
function orderedCounts(counts: Record<string, number>, order: readonly string[]): Array<[string, number]> {
  const known = order.filter((c) => counts[c]).map((c): [string, number] => [c, counts[c]])
  const rest = Object.keys(counts).filter((c) => !order.includes(c) && counts[c]).map((c): [string, number] => [c, counts[c]])
  return [...known, ...rest]
}

/** '辽宁省 大连市 中山区' → '中山区': every row of one staff scope shares the province and city. */
function shortRegion(name: string): string {
  const parts = name.split(' ')
  return parts[parts.length - 1] || name
}
