import type { ApplicationView } from '@shared/api'
import { render } from '../../../test/support/render-component'
import { call } from '../services/cloud'
import { RateService } from './RateService'

// test double: the cloud (rateService)
jest.mock('../services/cloud', () => ({ call: jest.fn() }))
const cloud = call as unknown as jest.Mock
beforeEach(() => cloud.mockReset())

const done: ApplicationView = {
  applicationId: 'a-1',
  caseNo: 'SY-TEST-0004',
  kind: 'flexible',
  status: 'approved',
  submittedAt: '2026-03-02T09:30:00.000+08:00',
  checks: [],
  timeline: [],
  holderName: '张*',
  nextStep: '',
}

test('stars first: submitting without them says so and sends nothing', async () => {
  const r = await render(<RateService app={done} />)
  expect(r.text('rate')).toContain('评价这次办理（好差评）')
  await r.tap('rate-submit')
  expect(r.text('rate-error')).toContain('请先选择几颗星')
  expect(cloud).not.toHaveBeenCalled()
})

test('four stars and a comment: the words for the score, sent once, then shown as given', async () => {
  cloud.mockResolvedValue({ ok: true, data: { rating: { score: 4, comment: '很快', at: '2026-03-05T10:00:00+08:00' } } })
  const r = await render(<RateService app={done} />)
  await r.tap('rate-star-4')
  expect(r.byId('rate-star-4').getAttribute('aria-checked')).toBe('true')
  expect(r.text('rate')).toContain('4星：满意')
  await r.type('rate-comment', '很快')
  await r.tap('rate-submit')
  expect(cloud).toHaveBeenCalledWith('rateService', { requestId: expect.any(String), applicationId: 'a-1', score: 4, comment: '很快' })
  expect(r.text('rating-given')).toContain('★★★★☆ 4星，满意')
  expect(r.text('rating-given')).toContain('“很快”')
})

test('a refusal names the field’s problem in Chinese', async () => {
  cloud.mockResolvedValue({ ok: false, error: { code: 'VALIDATION', message: '提交的信息有误', fields: { comment: '评价内容不能超过200个字' } } })
  const r = await render(<RateService app={done} />)
  await r.tap('rate-star-2')
  await r.tap('rate-submit')
  expect(r.text('rate-error')).toContain('评价内容不能超过200个字')
})

test('not finished: nothing to rate', async () => {
  const r = await render(<RateService app={{ ...done, status: 'pending_review' }} />)
  expect(r.text()).toBe('')
})
