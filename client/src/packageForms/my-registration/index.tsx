/**
 * 我的登记 (issue 20, 人社厅发〔2020〕79号 二(六) "申请—登记—服务—退出"): a registered person changes their
 * phone, residence address, job intentions and skills (`updateMyRegistration`; a move to another county
 * is told to the staff of both), and reports a job or a change of situation
 * (`reportEmployment`, 鞍人社〔2020〕21号 五: 鼓励登记失业人员主动报告…就业状态) — never silently: they
 * confirm that the 失业登记 ends. Both validated with the shared schemas before sending.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { MyStatus } from '@shared/api'
import { SELF_REPORT_CODES, SELF_REPORT_LABELS, UNIT_SITUATIONS, makeReportEmploymentSchema, updateRegistrationSchema } from '@shared/after-answer.schema'
import { beijingDate } from '@shared/dates'
import { REGISTRATION_KIND_LABEL } from '@shared/registrations'
import { validate } from '@shared/validate'
import { call } from '../../services/cloud'
import { uuid } from '../../services/ids'
import { Button, FormField, Notice } from '../../components'
import { ChoiceField } from '../../components/ChoiceField'
import { RegionPicker } from '../../components/RegionPicker'
import { DateField } from '../../components/DateField'
import { Querying } from '../../components/Querying'
import { Screen } from '../../components/Screen'
import { TextAreaField } from '../../components/TextAreaField'
import { TextField } from '../../components/TextField'

type Load = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; status: MyStatus }

const SITUATIONS = SELF_REPORT_CODES.map((code) => ({ code, label: SELF_REPORT_LABELS[code] }))

export default function MyRegistration() {
  const [load, setLoad] = useState<Load>({ state: 'loading' })
  const [ended, setEnded] = useState<string | null>(null)
  const refresh = async () => {
    setLoad({ state: 'loading' })
    const res = await call('getMyStatus')
    setLoad(res.ok ? { state: 'ready', status: res.data } : { state: 'error', message: res.error.message })
  }
  useEffect(() => {
    void refresh()
  }, [])

  const active = load.state === 'ready' ? load.status.registrations[0] : undefined
  return (
    <Screen className='page' id='my-registration'>
      <Text className='page__title'>我的登记</Text>
      {load.state === 'loading' ? <Querying /> : null}
      {load.state === 'error' ? (
        <Notice id='myreg-error' kind='error' title='没有查到'>
          <Text>{load.message}</Text>
          <Button id='myreg-retry' variant='secondary' onClick={() => void refresh()}>
            重试
          </Button>
        </Notice>
      ) : null}
      {ended ? (
        <Notice id='report-done' kind='success' title='已按您的申报注销失业登记'>
          <Text>{ended}</Text>
        </Notice>
      ) : null}
      {load.state === 'ready' && !active && !ended ? (
        <Notice id='myreg-none' kind='info' title='您目前没有有效的登记'>
          <Text>如需办理，可在首页选择“失业登记”或“灵活就业登记”。</Text>
        </Notice>
      ) : null}
      {active ? (
        <View>
          <View className='card' id='myreg-active'>
            <Text className='section-title'>{REGISTRATION_KIND_LABEL[active.kind]}</Text>
            <Text className='page__lead'>{active.since} 起有效</Text>
          </View>
          <UpdateDetails />
          {active.kind === 'unemployment' ? <ReportJob onEnded={(text) => { setEnded(text); void refresh() }} /> : null}
        </View>
      ) : null}
      <Button id='go-home' variant='secondary' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
        返回首页
      </Button>
    </Screen>
  )
}

/** Phone, residence address, job intentions, skills: only what the person changes is sent (at least one). */
function UpdateDetails() {
  const [phone, setPhone] = useState('')
  // the new 常住地址: county by the same province → city → county pickers as the wizard, and the detail
  const [county, setCounty] = useState('')
  const [detail, setDetail] = useState('')
  /** remounts the pickers after a saved change, so their province and city start empty again */
  const [pickerKey, setPickerKey] = useState(0)
  const [intentions, setIntentions] = useState(['', '', ''])
  const [skills, setSkills] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const [serverFields, setServerFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [done, setDone] = useState<{ moved: boolean } | null>(null)
  const [busy, setBusy] = useState(false)
  // one id per change: a retry after a lost answer changes nothing twice
  const requestId = useRef(uuid())

  const input = useMemo(() => {
    const jobs = intentions.map((s) => s.trim()).filter(Boolean)
    return {
      requestId: requestId.current,
      ...(phone.trim() ? { phone: phone.trim() } : {}),
      // either part given means the address is changed: the schema then asks for the other part
      ...(county || detail.trim() ? { residenceAddress: { regionCode: county, detail: detail.trim() } } : {}),
      ...(jobs.length ? { jobIntentions: jobs } : {}),
      ...(skills.trim() ? { skills: skills.trim() } : {}),
    }
  }, [phone, county, detail, intentions, skills])
  const checked = validate(updateRegistrationSchema, input)
  const errors: Record<string, string> = { ...(submitted && !checked.ok ? checked.fields : {}), ...serverFields }

  const submit = async () => {
    setSubmitted(true)
    setServerFields({})
    setFailure('')
    setDone(null)
    if (!checked.ok || busy) return
    setBusy(true)
    const res = await call('updateMyRegistration', checked.data)
    setBusy(false)
    if (!res.ok) {
      setServerFields(res.error.fields ?? {})
      setFailure(res.error.message)
      return
    }
    setDone({ moved: res.data.regionChanged })
    setSubmitted(false)
    setPhone('')
    setCounty('')
    setDetail('')
    setPickerKey((k) => k + 1)
    setIntentions(['', '', ''])
    setSkills('')
    requestId.current = uuid()
  }

  return (
    <View className='card' id='update-details'>
      <Text className='section-title'>修改我的信息</Text>
      <Text className='page__lead'>只填要改的项目，其余不用填。</Text>
      {done ? (
        <Notice id='update-done' kind='success' title='已修改'>
          <Text>{done.moved ? '工作人员会按新的信息与您联系。您的常住地已变到其他区（县），原登记地和新常住地的工作人员都已收到通知。' : '工作人员会按新的信息与您联系。'}</Text>
        </Notice>
      ) : null}
      {failure ? (
        <Notice id='update-error' kind='error' title='未能修改'>
          <Text>{failure}</Text>
        </Notice>
      ) : null}
      <TextField path='phone' label='新的手机号码' kind='tel' autoComplete='tel' value={phone} onChange={setPhone} maxlength={11} error={errors.phone} />
      <RegionPicker
        key={pickerKey}
        path='residenceAddress'
        label='新的常住所在地'
        hint='搬到其他区（县）的，失业登记不用重新办理，两地的工作人员都会收到通知'
        value={county}
        onChange={setCounty}
        error={errors['residenceAddress.regionCode'] ?? errors.residenceAddress}
      />
      <TextField path='residenceAddress.detail' label='新的详细地址' hint='街道、小区、门牌号' value={detail} onChange={setDetail} maxlength={100} error={errors['residenceAddress.detail']} />
      {intentions.map((v, i) => (
        <TextField
          key={i}
          path={`jobIntentions.${i}`}
          label={`求职意向（第${i + 1}项）`}
          value={v}
          maxlength={30}
          onChange={(x) => setIntentions((all) => all.map((y, j) => (j === i ? x : y)))}
          error={errors[`jobIntentions.${i}`] ?? (i === 0 ? errors.jobIntentions : undefined)}
        />
      ))}
      <TextAreaField path='skills' label='技能特长' value={skills} onChange={setSkills} maxlength={200} error={errors.skills} />
      <Button id='update-submit' loading={busy} loadingText='正在提交…' onClick={() => void submit()}>
        保存修改
      </Button>
    </View>
  )
}

/** 申报就业或情况变化: the situation, the unit where it applies, since when, and the confirmation. */
function ReportJob({ onEnded }: { onEnded: (text: string) => void }) {
  const [situation, setSituation] = useState('')
  const [unit, setUnit] = useState('')
  const [since, setSince] = useState('')
  const [confirm, setConfirm] = useState(false)
  const [submitted, setSubmitted] = useState(false)
  const [serverFields, setServerFields] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)
  const requestId = useRef(uuid())
  const today = beijingDate(Date.now())
  const schema = useMemo(() => makeReportEmploymentSchema(today), [today])

  const withUnit = (UNIT_SITUATIONS as readonly string[]).includes(situation)
  const input = {
    requestId: requestId.current,
    situation: situation || undefined,
    ...(withUnit && unit.trim() ? { unit: unit.trim() } : {}),
    since,
    ...(confirm ? { confirmEnds: true } : {}),
  }
  const checked = validate(schema, input)
  const errors: Record<string, string> = { ...(submitted && !checked.ok ? checked.fields : {}), ...serverFields }

  const submit = async () => {
    setSubmitted(true)
    setServerFields({})
    setFailure('')
    if (!checked.ok || busy) return
    setBusy(true)
    const res = await call('reportEmployment', checked.data)
    setBusy(false)
    if (!res.ok) {
      setServerFields(res.error.fields ?? {})
      setFailure(res.error.message)
      return
    }
    onEnded(`您申报的情况：${res.data.reasonText}。失业登记已于 ${res.data.endedAt.slice(0, 10)} 按本人申报注销，工作人员已收到通知。`)
  }

  return (
    <View className='card' id='report-job'>
      <Text className='section-title'>我找到工作了 / 情况有变化</Text>
      <Text className='page__lead'>如实申报即可，不需要提供任何证明材料。</Text>
      {failure ? (
        <Notice id='report-error' kind='error' title='未能提交'>
          <Text>{failure}</Text>
        </Notice>
      ) : null}
      <ChoiceField path='situation' label='您的情况' required items={SITUATIONS} value={situation} onChange={(x) => setSituation(x as string)} error={errors.situation} />
      {withUnit ? <TextField path='unit' label='单位或经营名称' hint='可不填' value={unit} onChange={setUnit} maxlength={100} error={errors.unit} /> : null}
      <DateField path='since' label='开始的日期' required value={since} onChange={setSince} end={today} error={errors.since} />
      <FormField path='confirmEnds' label='确认' required error={errors.confirmEnds}>
        <View
          id='report-confirm'
          className={`wiz__check${confirm ? ' wiz__check--on' : ''}${errors.confirmEnds ? ' wiz__check--error' : ''}`}
          role='checkbox'
          aria-checked={confirm ? 'true' : 'false'}
          aria-label='我确认：提交后我的失业登记将按本人申报注销'
          hoverClass='cf__option--hover'
          onClick={() => setConfirm((c) => !c)}
        >
          <Text className='cf__mark cf__mark--box' aria-hidden='true'>
            {confirm ? '✓' : ''}
          </Text>
          <Text className='cf__text'>我确认：提交后我的失业登记将按本人申报注销</Text>
        </View>
      </FormField>
      <Button id='report-submit' loading={busy} loadingText='正在提交…' onClick={() => void submit()}>
        提交申报
      </Button>
    </View>
  )
}
