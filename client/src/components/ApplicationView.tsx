/**
 * How an application reads to the citizen, on the result screen after submitting and on the
 * 进度查询 page: the status in words, each outside-data check with 没问题 / 需核实 as text and
 * icon (never colour alone) and its plain-Chinese detail, the due date, and what happens next.
 */
import { View, Text } from '@tarojs/components'
import type { ApplicationKind, ApplicationStatus, ApplicationView, Check, TimelineEntry } from '@shared/api'
import { REJECTION_REASONS, labelOf } from '@shared/codes'
import { TIMELINE_LABELS, type TimelineStatus } from '@shared/lifecycle'
import { APPLICATION_KIND_LABEL } from '@shared/application-kinds'
import { beijingDate, compareDates } from '@shared/dates'
import { plainCheck } from './plainWords'
import { plain } from '../services/format'
import './components.css'

/** The services' names: the one table in shared/application-kinds.ts. */
export const KIND_LABELS: Readonly<Record<ApplicationKind, string>> = APPLICATION_KIND_LABEL

/** What the blocks of an application take. */
export interface AppProps {
  /** the application as the cloud answers it (getApplication, listMyApplications): status, checks, timeline, office… */
  app: ApplicationView
}

export const STATUS_LABELS: Record<ApplicationStatus, string> = {
  approved: '已办结',
  pending_review: '已受理，待人工审核',
  rejected: '未通过',
  withdrawn: '已撤回',
  returned: '需要修改后重新提交',
  resubmitted: '已修改并重新提交',
}

export const UNCERTAIN_DUE_NOTE = '该日期所在年份的法定节假日安排尚未公布，实际办结日期可能顺延'

export { plain }

/** `2026-09-30T10:05:00.000+08:00` → `2026-09-30 10:05` (times from the cloud are already Beijing time). */
export function shortTime(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso) ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso
}

export function CheckList({ checks }: { /** the outside-data checks, each shown 没问题 / 需核实 in words; none = nothing shown */ checks: readonly Check[] }) {
  if (checks.length === 0) return null
  return (
    <View className='card' id='checks'>
      <Text className='section-title'>核验情况</Text>
      {checks.map((c) => {
        const line = plainCheck(c)
        return (
          <View key={c.name} id={`check-${c.name}`} className={`ck${c.passed ? ' ck--ok' : ' ck--open'}`}>
            <View className='ck__mark'>
              <Text className='ck__icon' aria-hidden='true'>
                {c.passed ? '✓' : '!'}
              </Text>
              <Text className='ck__word'>{c.passed ? '没问题' : '需核实'}</Text>
            </View>
            <View className='ck__body'>
              <Text className='ck__detail'>{line.main}</Text>
              {line.official ? <Text className='ck__official'>{line.official}</Text> : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}

/** The review's due date has passed (the phone's Beijing date): components/CaseExtras.tsx Overdue says so instead. */
export function isOverdue(app: ApplicationView, today = beijingDate(Date.now())): boolean {
  return app.status === 'pending_review' && !!app.dueDate && compareDates(today, app.dueDate) > 0
}

export function DueDate({ app }: AppProps) {
  if (app.status !== 'pending_review' || !app.dueDate || isOverdue(app)) return null
  return (
    <View className='card'>
      <Text id='due-date' className='due__text'>
        工作人员将在 {app.dueDate} 前完成审核
      </Text>
      <Text className='due__hint'>按工作日计算，法定节假日不计入。期间无需补交任何材料。</Text>
      {app.dueDateUncertain ? (
        <Text id='due-date-note' className='due__note'>
          注意：{UNCERTAIN_DUE_NOTE}。
        </Text>
      ) : null}
    </View>
  )
}

export function Decision({ app }: AppProps) {
  if (app.status !== 'rejected' || !app.decision) return null
  const reason = app.decision.reasonText || labelOf(REJECTION_REASONS, app.decision.reasonCode) || '未注明'
  return (
    <View className='card' id='decision'>
      <Text className='section-title'>未通过的原因</Text>
      <Text className='decision__reason'>{reason.replace(/（须填写说明）$/, '')}</Text>
      {app.decision.note ? <Text className='decision__note'>工作人员说明：{app.decision.note}</Text> : null}
    </View>
  )
}

export function NextStep({ app }: AppProps) {
  if (!app.nextStep || isOverdue(app)) return null
  return (
    <View className='card'>
      <Text className='section-title'>接下来</Text>
      <Text id='next-step' className='next__text'>
        {plain(app.nextStep)}
      </Text>
    </View>
  )
}

/** The headline: kind and status in words, with an icon that repeats (not replaces) the words. */
export function StatusHeadline({ app }: AppProps) {
  const kind = KIND_LABELS[app.kind] ?? '申请'
  const tone = app.status === 'approved' ? 'ok' : app.status === 'pending_review' ? 'wait' : 'end'
  return (
    <View className={`sh sh--${tone}`} role='status'>
      <Text className='sh__icon' aria-hidden='true'>
        {tone === 'ok' ? '✓' : tone === 'wait' ? '…' : '!'}
      </Text>
      <View className='sh__body'>
        <Text className='sh__kind'>{kind}</Text>
        <Text id='result-status' className='sh__status'>
          {STATUS_LABELS[app.status] ?? app.status}
        </Text>
        {app.caseNo ? (
          <Text id='case-no' className='sh__time sh__case' userSelect>
            办件编号：{app.caseNo}
          </Text>
        ) : null}
        <Text className='sh__time'>提交时间：{shortTime(app.submittedAt)}</Text>
      </View>
    </View>
  )
}

const PLANNED: Record<ApplicationKind, TimelineStatus[]> = {
  certificate: ['submitted', 'checked', 'approved'],
  unemployment: ['submitted', 'checked', 'approved', 'services'],
  flexible: ['submitted', 'checked', 'approved'],
}

/**
 * The timeline as a vertical stepper: what happened (with times), then what is still to come
 * (hollow, in words) so the person sees where the application stands.
 */
export function Timeline({ app }: AppProps) {
  const done: TimelineEntry[] = app.timeline
  const seen = new Set(done.map((e) => e.status))
  const finished = app.status !== 'pending_review'
  const upcoming: { label: string; note?: string }[] = []
  if (!finished) {
    // past the due date it is late, not still "预计…前" (issue 17)
    upcoming.push({ label: '审核办结', note: app.dueDate ? (isOverdue(app) ? `已超过办结期限（应于 ${app.dueDate} 前办结）` : `预计 ${app.dueDate} 前`) : undefined })
    if (app.kind === 'unemployment') upcoming.push({ label: TIMELINE_LABELS.services, note: app.contactPromise })
  } else if (app.status === 'approved') {
    for (const s of PLANNED[app.kind] ?? []) {
      if (!seen.has(s) && s === 'services') upcoming.push({ label: TIMELINE_LABELS.services, note: app.contactPromise })
    }
  }
  return (
    <View className='card' id='timeline'>
      <Text className='section-title'>办理进度</Text>
      <View className='tl' role='list'>
        {done.map((e, i) => (
          <View key={`${e.status}-${i}`} id={`timeline-${i}`} className='tl__item tl__item--done' role='listitem'>
            <View className='tl__rail' aria-hidden='true'>
              <Text className='tl__dot'>✓</Text>
              {i < done.length - 1 || upcoming.length > 0 ? <View className='tl__line' /> : null}
            </View>
            <View className='tl__body'>
              <Text className='tl__label'>{TIMELINE_LABELS[e.status] ?? '办理'}</Text>
              <Text className='tl__time'>{shortTime(e.at)}</Text>
              {e.note ? <Text className='tl__note'>{plain(e.note)}</Text> : null}
            </View>
          </View>
        ))}
        {upcoming.map((u, i) => (
          <View key={u.label} id={`timeline-next-${i}`} className='tl__item tl__item--todo' role='listitem'>
            <View className='tl__rail' aria-hidden='true'>
              <Text className='tl__dot' />
              {i < upcoming.length - 1 ? <View className='tl__line' /> : null}
            </View>
            <View className='tl__body'>
              <Text className='tl__label'>{u.label}（未开始）</Text>
              {u.note ? <Text className='tl__time'>{u.note}</Text> : null}
            </View>
          </View>
        ))}
      </View>
    </View>
  )
}
