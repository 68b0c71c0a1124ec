import { useRef, useState } from 'react'
import type { ExportAnswer } from '@shared/contract'
import { View, Text } from '@tarojs/components'
import { DEREGISTRATION_REASONS, labelOf } from '@shared/codes'
import { beijingDate, compactToIso } from '@shared/dates'
import { INDICATOR_NAMES, type Indicator } from '@shared/export.rules'
import { maskIdNumber } from '@shared/mask'
import { exportSchema, STAFF_FIELD_LABELS } from '@shared/staff.schema'
import { validate } from '@shared/validate'
import { call } from '../../services/cloud'
import { dateText } from '../../services/format'
import { Button, DateField, Notice } from '../../components'
import { StaffGate } from '../common/StaffGate'
import { saveCsv } from './download'
import { Screen } from '../../components/Screen'

/** Rows shown on a phone; the CSV has them all. */
const SHOWN = 50

const compact = (date: string) => date.replace(/-/g, '')

/** "AAC002 18位公民身份号码第18位必须符合校验规则" → "社会保障号码：18位公民身份号码第18位必须符合校验规则" */
export function ruleText(rule: string): string {
  const m = /^([A-Z]{3}\d{3}[A-Z]?)\s+(.*)$/.exec(rule)
  if (!m) return rule
  const name = INDICATOR_NAMES[m[1] as Indicator]
  return name ? `${name}：${m[2]}` : m[2]
}

export function csvFileName(from: string, to: string): string {
  return `失业登记注销数据_${from}_${to}.csv`
}

export default function ExportPage() {
  return <StaffGate need='admin'>{() => <Export />}</StaffGate>
}

function Export() {
  const today = beijingDate(Date.now())
  const [from, setFrom] = useState(`${today.slice(0, 8)}01`)
  const [to, setTo] = useState(today)
  const [submitted, setSubmitted] = useState(false)
  const [serverFields, setServerFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [result, setResult] = useState<{ from: string; to: string; data: ExportAnswer } | undefined>()
  const [saved, setSaved] = useState('')
  const [busy, setBusy] = useState(false)
  const busyRef = useRef(false)

  const input = { from: compact(from), to: compact(to) }
  const checked = validate(exportSchema, input, STAFF_FIELD_LABELS)
  const errors: Record<string, string> = { ...(submitted && !checked.ok ? checked.fields : {}), ...serverFields }

  const run = async () => {
    setSubmitted(true)
    setServerFields({})
    setFailure('')
    setSaved('')
    if (!checked.ok || busyRef.current) return
    busyRef.current = true
    setBusy(true)
    const res = await call('exportDeregistrations', checked.data)
    busyRef.current = false
    setBusy(false)
    if (res.ok) setResult({ ...checked.data, data: res.data })
    else {
      setResult(undefined)
      setServerFields(res.error.fields ?? {})
      setFailure(res.error.message)
    }
  }

  const download = async () => {
    if (!result) return
    try {
      setSaved(await saveCsv(csvFileName(result.from, result.to), result.data.csv))
    } catch {
      setSaved('文件未能保存，请重试')
    }
  }

  return (
    <Screen className='staff'>
      <Text className='page__title'>失业登记注销数据上报</Text>
      <Text className='page__lead'>按注销日期导出本辖区的注销记录。不符合上报校验规则的记录单独列出，不会导出，请更正后再报。</Text>
      <View className='card'>
        <DateField path='from' label='开始日期' required value={from} end={today} onChange={setFrom} error={errors.from} />
        <DateField path='to' label='结束日期' required value={to} end={today} onChange={setTo} error={errors.to} />
        <Button id='export-run' loading={busy} loadingText='正在导出…' onClick={() => void run()}>
          导出
        </Button>
      </View>
      {failure ? (
        <Notice id='export-error' kind='error' title='未能导出'>
          <Text>{failure}</Text>
        </Notice>
      ) : null}
      {result ? <ExportResult from={result.from} to={result.to} data={result.data} saved={saved} onDownload={() => void download()} /> : null}
    </Screen>
  )
}

function ExportResult({ from, to, data, saved, onDownload }: { from: string; to: string; data: ExportAnswer; saved: string; onDownload: () => void }) {
  const { records, rejected } = data
  return (
    <View id='export-result'>
      <View className='card'>
        <Text className='section-title'>
          {dateText(compactToIso(from))} 至 {dateText(compactToIso(to))}
        </Text>
        <View className='tbl' id='export-summary'>
          <View className='tbl__row'>
            <Text className='tbl__cell tbl__cell--label'>可上报记录</Text>
            <Text id='export-count' className='tbl__cell'>
              {records.length} 条
            </Text>
          </View>
          <View className='tbl__row'>
            <Text className='tbl__cell tbl__cell--label'>未通过校验（不上报）</Text>
            <Text id='export-rejected-count' className='tbl__cell'>
              {rejected.length} 条
            </Text>
          </View>
        </View>
        <View className='export__gap' />
        <Button id='export-download' disabled={records.length === 0} onClick={onDownload}>
          {records.length === 0 ? '没有可下载的记录' : `下载 CSV 文件（${records.length} 条）`}
        </Button>
        {saved ? (
          <Text id='export-saved' className='staff__muted export__saved' aria-live='polite'>
            {saved}
          </Text>
        ) : null}
      </View>

      {rejected.length > 0 ? (
        <View id='export-rejected' className='card'>
          <Text className='section-title'>未通过校验的记录</Text>
          {rejected.map((r, i) => (
            <View key={`${r.record.AAB301}${r.record.AAZ341}-${i}`} className='rej'>
              <Text className='rej__who'>
                {r.record.AAC003 || '（姓名为空）'}　{r.record.AAC002}
              </Text>
              {(r.rules.length ? r.rules : [r.rule]).map((x, j) => (
                <Text key={j} className='rej__rule'>
                  ✗ {ruleText(x)}
                </Text>
              ))}
            </View>
          ))}
        </View>
      ) : null}

      {records.length > 0 ? (
        <View id='export-records' className='card'>
          <Text className='section-title'>可上报的记录</Text>
          <View className='tbl'>
            <View className='tbl__row tbl__row--head'>
              <Text className='tbl__cell tbl__cell--label'>姓名 / 证件号码</Text>
              <Text className='tbl__cell tbl__cell--date'>注销日期</Text>
              <Text className='tbl__cell tbl__cell--label'>注销原因</Text>
            </View>
            {records.slice(0, SHOWN).map((r) => (
              <View key={r.AAB301 + r.AAZ341} className='tbl__row'>
                <Text className='tbl__cell tbl__cell--label'>
                  {r.AAC003}
                  {'\n'}
                  {maskIdNumber(r.AAC002)}
                </Text>
                <Text className='tbl__cell tbl__cell--date'>{/^\d{8}$/.test(r.ADC210) ? compactToIso(r.ADC210) : r.ADC210}</Text>
                <Text className='tbl__cell tbl__cell--label'>{labelOf(DEREGISTRATION_REASONS, r.AJC00A) ?? '原因未知'}</Text>
              </View>
            ))}
          </View>
          {records.length > SHOWN ? <Text className='staff__muted'>仅显示前 {SHOWN} 条，全部记录请下载 CSV 文件。</Text> : null}
        </View>
      ) : null}
    </View>
  )
}
