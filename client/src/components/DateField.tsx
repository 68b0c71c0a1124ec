import { useEffect, useMemo, useState } from 'react'
import { View } from '@tarojs/components'
import type { CodeItem } from '@shared/codes'
import { FormField, type FieldCommonProps } from './FormField'
import { errorId, fieldId } from './ids'
import { SelectSheet } from './SelectSheet'
import './components.css'

export interface DateFieldProps extends FieldCommonProps {
  /** YYYY-MM-DD (YYYY-MM with fields='month') or '' */
  value: string
  /** 'month': choose a year and month only, the value is YYYY-MM */
  fields?: 'day' | 'month'
  /** kept for callers; nothing is preselected (issue 17: a wheel opening on this month gets recorded unread) */
  initialValue?: string
  /** after each choice: the whole date, or '' while it is incomplete */
  onChange: (date: string) => void
  /** the last list (日, or 月 with fields='month') closed: the field counts as visited */
  onBlur?: () => void
  /** earliest date offered, YYYY-MM-DD (default 1900-01-01) */
  start?: string
  /** latest date offered, YYYY-MM-DD (default 2099-12-31); the caller passes today from its clock */
  end?: string
}

const pad = (n: number) => String(n).padStart(2, '0')
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

interface Parts {
  y: string
  m: string
  d: string
}

function split(value: string): Parts {
  const [y = '', m = '', d = ''] = /^\d{4}-\d{2}(-\d{2})?$/.test(value) ? value.split('-') : []
  return { y, m, d }
}

/**
 * A date as 年 / 月 (/ 日), each chosen from a list (components/SelectSheet.tsx): no format to get
 * wrong, nothing chosen until the person chooses it, months and days outside start…end not offered.
 * Ids: `field-<path>-year`, `-month`, `-day`.
 */
export function DateField({ path, label, value, fields = 'day', onChange, onBlur, start = '1900-01-01', end, required, hint, error }: DateFieldProps) {
  const [parts, setParts] = useState<Parts>(() => split(value))
  // A value set from outside (restored draft, pre-fill) replaces what is shown; '' keeps a half-chosen date.
  useEffect(() => {
    if (value) setParts(split(value))
  }, [value])
  const last = end ?? '2099-12-31'
  const [sy, sm, sd] = [Number(start.slice(0, 4)), Number(start.slice(5, 7)), Number(start.slice(8, 10) || '1')]
  const [ey, em, ed] = [Number(last.slice(0, 4)), Number(last.slice(5, 7)), Number(last.slice(8, 10) || '31')]
  const years = useMemo<CodeItem[]>(() => Array.from({ length: Math.max(0, ey - sy + 1) }, (_, i) => String(ey - i)).map((y) => ({ code: y, label: `${y}年` })), [sy, ey])
  const y = Number(parts.y)
  const months = useMemo<CodeItem[]>(() => {
    if (!parts.y) return []
    const from = y === sy ? sm : 1
    const to = y === ey ? em : 12
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i).map((m) => ({ code: pad(m), label: `${m}月` }))
  }, [parts.y, y, sy, sm, ey, em])
  const m = Number(parts.m)
  const days = useMemo<CodeItem[]>(() => {
    if (!parts.y || !parts.m) return []
    const from = y === sy && m === sm ? sd : 1
    const to = y === ey && m === em ? Math.min(ed, daysIn(y, m)) : daysIn(y, m)
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i).map((d) => ({ code: pad(d), label: `${d}日` }))
  }, [parts.y, parts.m, y, m, sy, sm, sd, ey, em, ed])

  const update = (next: Parts) => {
    // a month or day no longer offered (another year chosen) is cleared, never silently moved
    const ny = Number(next.y)
    const monthOk = next.m && (ny !== sy || Number(next.m) >= sm) && (ny !== ey || Number(next.m) <= em)
    const fixed: Parts = { y: next.y, m: monthOk ? next.m : '', d: monthOk ? next.d : '' }
    if (fixed.d) {
      const nm = Number(fixed.m)
      const nd = Number(fixed.d)
      const dayOk = nd <= daysIn(ny, nm) && !(ny === sy && nm === sm && nd < sd) && !(ny === ey && nm === em && nd > ed)
      if (!dayOk) fixed.d = ''
    }
    setParts(fixed)
    const complete = fields === 'month' ? fixed.y && fixed.m : fixed.y && fixed.m && fixed.d
    onChange(complete ? (fields === 'month' ? `${fixed.y}-${fixed.m}` : `${fixed.y}-${fixed.m}-${fixed.d}`) : '')
  }
  const id = fieldId(path)
  const described = error ? errorId(path) : undefined
  return (
    <FormField path={path} label={label} required={required} hint={hint} error={error}>
      <View id={id} className='df' role='group' aria-label={label}>
        <SelectSheet id={`${id}-year`} compact label={`${label}的年份`} items={years} value={parts.y} onChange={(x) => update({ ...parts, y: x })} placeholder='年' error={!!error} describedBy={described} />
        <SelectSheet id={`${id}-month`} compact label={`${label}的月份`} items={months} value={parts.m} onChange={(x) => update({ ...parts, m: x })} onClose={fields === 'month' ? onBlur : undefined} placeholder='月' disabled={!parts.y} disabledText='月' error={!!error} describedBy={described} />
        {fields === 'day' ? (
          <SelectSheet id={`${id}-day`} compact label={`${label}的日期`} items={days} value={parts.d} onChange={(x) => update({ ...parts, d: x })} onClose={onBlur} placeholder='日' search={false} disabled={!parts.m} disabledText='日' error={!!error} describedBy={described} />
        ) : null}
      </View>
    </FormField>
  )
}
