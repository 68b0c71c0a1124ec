import type { ApplicationView } from '@shared/api'
import { render } from '../../../test/support/render-component'
import { CheckList, Decision, DueDate, NextStep, StatusHeadline, Timeline } from './ApplicationView'

/** An application as the cloud answers it (invented for the test). */
const waiting: ApplicationView = {
  applicationId: 'a-1',
  caseNo: 'SY-TEST-0001',
  kind: 'unemployment',
  status: 'pending_review',
  submittedAt: '2026-03-02T09:30:00.000+08:00',
  dueDate: '2026-03-16',
  checks: [
    { name: 'identity', passed: true, detail: '一致' },
    { name: 'socialInsurance', passed: false, detail: '单位参保：某某公司，2021-04-01 起，需工作人员核实' },
  ],
  timeline: [
    { status: 'submitted', at: '2026-03-02T09:30:00.000+08:00' },
    { status: 'checked', at: '2026-03-02T09:30:05.000+08:00' },
  ],
  holderName: '张*',
  nextStep: '等待工作人员审核',
  contactPromise: '办结后5个工作日内联系您',
}

// the clock is the test's: 2026-03-05 in Beijing, before the due date
beforeEach(() => {
  jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-03-05T10:00:00+08:00'))
})

test('the headline says the service and the status in words, with the case number to quote', async () => {
  const r = await render(<StatusHeadline app={waiting} />)
  expect(r.text()).toContain('失业登记')
  expect(r.text('result-status')).toBe('已受理，待人工审核')
  expect(r.text('case-no')).toBe('办件编号：SY-TEST-0001')
  expect(r.text()).toContain('提交时间：2026-03-02 09:30')
})

test('each check says 没问题 or 需核实 in words, with plain Chinese', async () => {
  const r = await render(<CheckList checks={waiting.checks} />)
  expect(r.text('check-identity')).toContain('没问题')
  expect(r.text('check-identity')).toContain('姓名和证件号码核对一致')
  expect(r.text('check-socialInsurance')).toContain('需核实')
  expect(r.text('check-socialInsurance')).toContain('查到您可能还在单位交社保，工作人员会核实')
})

test('the due date while waiting, and nothing once it has passed', async () => {
  const r = await render(<DueDate app={{ ...waiting, dueDateUncertain: true }} />)
  expect(r.text('due-date')).toBe('工作人员将在 2026-03-16 前完成审核')
  expect(r.text('due-date-note')).toContain('法定节假日安排尚未公布')
  const late = await render(<DueDate app={{ ...waiting, dueDate: '2026-03-04' }} />)
  expect(late.text()).toBe('')
})

test('a rejection gives its reason and the staff note', async () => {
  const rejected: ApplicationView = { ...waiting, status: 'rejected', decision: { decision: 'reject', reasonText: '已在其他地区登记', note: '请到原登记地办理', at: '2026-03-04T10:00:00.000+08:00' } }
  const r = await render(<Decision app={rejected} />)
  expect(r.text('decision')).toContain('未通过的原因')
  expect(r.text('decision')).toContain('已在其他地区登记')
  expect(r.text('decision')).toContain('工作人员说明：请到原登记地办理')
})

test('what happens next, in plain words', async () => {
  const r = await render(<NextStep app={waiting} />)
  expect(r.text('next-step')).toBe('等待工作人员审核')
})

test('the timeline: steps done with their times, then the steps to come in words', async () => {
  const r = await render(<Timeline app={waiting} />)
  expect(r.text('timeline-0')).toContain('已提交')
  expect(r.text('timeline-0')).toContain('2026-03-02 09:30')
  expect(r.text('timeline-1')).toContain('系统比对')
  expect(r.text('timeline-next-0')).toBe('审核办结（未开始）预计 2026-03-16 前')
  expect(r.text('timeline-next-1')).toBe('登记服务（未开始）办结后5个工作日内联系您')
})

test('past the due date the timeline says it is late instead of 预计', async () => {
  const r = await render(<Timeline app={{ ...waiting, dueDate: '2026-03-04' }} />)
  expect(r.text('timeline-next-0')).toContain('已超过办结期限（应于 2026-03-04 前办结）')
})
