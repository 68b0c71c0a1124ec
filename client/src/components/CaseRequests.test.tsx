import type { ApplicationView } from '@shared/api'
import { render, replaceTaroApi } from '../../../test/support/render-component'
import { call } from '../services/cloud'
import { AfterAnswer, Overdue } from './CaseRequests'

// test double: the cloud (withdrawApplication, requestReview, remindOffice)
jest.mock('../services/cloud', () => ({ call: jest.fn() }))
const cloud = call as unknown as jest.Mock
beforeEach(() => cloud.mockReset())

const app: ApplicationView = {
  applicationId: 'a-1',
  caseNo: 'SY-TEST-0003',
  kind: 'certificate',
  status: 'pending_review',
  submittedAt: '2026-03-02T09:30:00.000+08:00',
  dueDate: '2026-03-04',
  checks: [],
  timeline: [],
  holderName: '张*',
  nextStep: '',
  office: { name: '某区公共就业服务中心', address: '某路1号', phone: '0411-12345678', hours: '工作日' },
}

test('撤回 asks first; confirmed, it is sent and the page is told', async () => {
  // test double: Taro.showModal is the phone's own confirmation dialog; the person taps 撤回
  const showModal = replaceTaroApi('showModal', { confirm: true })
  cloud.mockResolvedValue({ ok: true, data: {} })
  const onChanged = jest.fn()
  const r = await render(<AfterAnswer app={app} onChanged={onChanged} />)
  await r.tap('withdraw')
  expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认撤回', confirmText: '撤回', cancelText: '不撤回' }))
  expect(cloud).toHaveBeenCalledWith('withdrawApplication', { requestId: expect.any(String), applicationId: 'a-1' })
  expect(onChanged).toHaveBeenCalledTimes(1)
})

test('撤回 not confirmed: nothing is sent', async () => {
  replaceTaroApi('showModal', { confirm: false })
  const r = await render(<AfterAnswer app={app} onChanged={() => undefined} />)
  await r.tap('withdraw')
  expect(cloud).not.toHaveBeenCalled()
})

test('复核 of a rejection needs a reason in words; the cloud’s refusal is shown in Chinese', async () => {
  cloud.mockResolvedValue({ ok: false, error: { code: 'CONFLICT', message: '已经申请过复核' } })
  const onChanged = jest.fn()
  const r = await render(<AfterAnswer app={{ ...app, status: 'rejected' }} onChanged={onChanged} />)
  expect(r.find('withdraw')).toBeNull()
  await r.tap('review-submit')
  expect(r.text('after-answer-error')).toContain('请用一两句话写明申请复核的理由')
  expect(cloud).not.toHaveBeenCalled()
  await r.type('review-reason', '我已经离职三个月了')
  await r.tap('review-submit')
  expect(cloud).toHaveBeenCalledWith('requestReview', { requestId: expect.any(String), applicationId: 'a-1', reason: '我已经离职三个月了' })
  expect(r.text('after-answer-error')).toContain('已经申请过复核')
  expect(onChanged).not.toHaveBeenCalled()
})

test('nothing to do after a decision already reviewed', async () => {
  const r = await render(<AfterAnswer app={{ ...app, status: 'rejected', reviewRequested: true }} onChanged={() => undefined} />)
  expect(r.text()).toBe('')
})

test('past the due date: how late, 催办, and the office’s phone', async () => {
  cloud.mockResolvedValue({ ok: true, data: { alreadyToday: false } })
  const r = await render(<Overdue app={app} today='2026-03-07' />)
  expect(r.text('overdue')).toContain('已超过办结期限 3 天')
  expect(r.text('overdue')).toContain('应当在 2026-03-04 前办结')
  expect(r.byId('overdue-phone').getAttribute('aria-label')).toBe('拨打电话 0411-12345678')
  await r.tap('remind-office')
  expect(cloud).toHaveBeenCalledWith('remindOffice', { applicationId: 'a-1' })
  expect(r.text('remind-done')).toContain('已催办，办理机构会收到提醒。')
  expect(r.find('remind-office')).toBeNull()
})

test('催办 refused: the reason in Chinese, and 催办 stays offered', async () => {
  cloud.mockResolvedValue({ ok: false, error: { code: 'UNAVAILABLE', message: '网络不稳定，请检查网络后重试' } })
  const r = await render(<Overdue app={app} today='2026-03-07' />)
  await r.tap('remind-office')
  expect(r.text('remind-error')).toContain('网络不稳定，请检查网络后重试')
  expect(r.find('remind-office')).not.toBeNull()
})

test('already reminded today, or not late: no 催办 button', async () => {
  const reminded = await render(<Overdue app={{ ...app, reminders: ['2026-03-07T08:00:00+08:00'] }} today='2026-03-07' />)
  expect(reminded.text('remind-done')).toContain('今天已经催办过了')
  expect(reminded.find('remind-office')).toBeNull()
  const onTime = await render(<Overdue app={app} today='2026-03-04' />)
  expect(onTime.text()).toBe('')
})
