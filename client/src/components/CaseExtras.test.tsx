import type { ApplicationView } from '@shared/api'
import { render, replaceTaroApi } from '../../../test/support/render-component'
import { HardshipCard, InsuranceClaimCard, OfficeCard, Receipt, Returned, WhatToDo } from './CaseExtras'

const office = { name: '某区公共就业服务中心', address: '某路1号', phone: '0411-12345678', hours: '工作日 9:00-17:00', latitude: 38.9, longitude: 121.6 }

/** An application as the cloud answers it (invented for the test). */
const app: ApplicationView = {
  applicationId: 'a 1',
  caseNo: 'SY-TEST-0002',
  kind: 'unemployment',
  status: 'pending_review',
  submittedAt: '2026-03-02T09:30:00.000+08:00',
  dueDate: '2026-03-16',
  checks: [
    { name: 'identity', passed: true, detail: '一致' },
    { name: 'socialInsurance', passed: false, detail: '单位参保：某某公司，2021-04-01 起，需工作人员核实' },
  ],
  timeline: [{ status: 'submitted', at: '2026-03-02T09:30:00.000+08:00' }],
  holderName: '张*',
  nextStep: '等待工作人员审核',
  office,
}

test('the office: name, address, hours, a phone to tap and the map', async () => {
  // test double: Taro.openLocation opens the phone's map
  const openLocation = replaceTaroApi('openLocation')
  const r = await render(<OfficeCard office={office} />)
  expect(r.text('office')).toContain('某区公共就业服务中心')
  expect(r.text('office')).toContain('地址：某路1号')
  expect(r.text('office')).toContain('办公时间：工作日 9:00-17:00')
  expect(r.byId('office-phone').getAttribute('aria-label')).toBe('拨打电话 0411-12345678')
  await r.tap('office-map')
  expect(openLocation).toHaveBeenCalledWith(expect.objectContaining({ latitude: 38.9, longitude: 121.6, name: '某区公共就业服务中心' }))
})

test('no office known: nothing; no coordinates: no map link', async () => {
  expect((await render(<OfficeCard />)).text()).toBe('')
  const r = await render(<OfficeCard office={{ ...office, latitude: undefined, longitude: undefined }} />)
  expect(r.find('office-map')).toBeNull()
})

test('while waiting: for each open check what the person does, naming the record found', async () => {
  const r = await render(<WhatToDo app={app} />)
  expect(r.text('todo-socialInsurance')).toContain('系统查到单位参保记录（某某公司，2021-04-01 起）')
  expect(r.text('todo-socialInsurance')).toContain('请联系原单位为您办理社保减员')
  expect(r.find('todo-identity')).toBeNull()
  const clear = await render(<WhatToDo app={{ ...app, checks: [app.checks[0]] }} />)
  expect(clear.text()).toContain('您不用做什么，等工作人员审核即可。')
})

test('the receipt lists the facts and copies them as text', async () => {
  // test double: Taro.setClipboardData writes the phone's clipboard
  const setClipboardData = replaceTaroApi('setClipboardData')
  const r = await render(<Receipt app={app} />)
  expect(r.text('receipt')).toContain('受理回执')
  expect(r.text('receipt')).toContain('办件编号：SY-TEST-0002')
  expect(r.text('receipt')).toContain('承诺办结：2026-03-16 前')
  expect(r.text('receipt')).toContain('办理机构：某区公共就业服务中心（0411-12345678）')
  await r.tap('receipt-copy')
  expect(setClipboardData).toHaveBeenCalledWith({ data: expect.stringContaining('受理回执\n办件编号：SY-TEST-0002\n办理事项：') })
  expect(r.text('receipt')).toContain('已复制，可以粘贴到微信或备忘录保存。')
})

test('退回补正: what staff asked, word for word, and the form opened to correct this application', async () => {
  // test double: Taro.navigateTo needs the app's router
  const navigateTo = replaceTaroApi('navigateTo')
  const r = await render(<Returned app={{ ...app, status: 'returned', returnedFor: '请写明离职日期' }} />)
  expect(r.text('returned-for')).toBe('请写明离职日期')
  await r.tap('correct-open')
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packageForms/unemployment/index?corrects=a%201' })
  const again = await render(<Returned app={{ ...app, status: 'resubmitted' }} />)
  expect(again.text('resubmitted')).toContain('您已修改并重新提交')
})

test('一件事: the 就业困难人员认定 and the 失业保险金 claim say where they stand', async () => {
  const hardship = await render(<HardshipCard app={{ ...app, hardship: { status: 'requested', categories: ['大龄失业人员'], at: '2026-03-02T09:30:00.000+08:00' } }} />)
  expect(hardship.text('hardship-status')).toContain('您选择了“大龄失业人员”，已同时申请就业困难人员认定')
  const claim = await render(<InsuranceClaimCard app={{ ...app, insuranceClaim: { status: 'sent', reference: 'UI-9', at: '2026-03-02T09:30:00.000+08:00' } }} />)
  expect(claim.text('insurance-claim-status')).toContain('已转交失业保险经办机构，受理编号 UI-9')
  expect((await render(<HardshipCard app={app} />)).text()).toBe('')
})
