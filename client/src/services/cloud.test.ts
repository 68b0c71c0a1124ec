import type { Attempt } from './backend.types'

const mockSend = jest.fn<Promise<Attempt>, [string, object, number]>()
jest.mock('./backend', () => ({
  init: jest.fn(),
  send: (...args: [string, object, number]) => mockSend(...args),
  currentIdentity: () => '',
  switchIdentity: () => '',
}))

import { call, NETWORK_MESSAGE } from './cloud'

const lost: Attempt = { kind: 'transient', reason: 'timeout' }

/** Runs `call` while fake time passes, so the backoff does not slow the test down. */
async function callWithTime(...args: Parameters<typeof call>) {
  const p = call(...args)
  for (let i = 0; i < 10; i++) await jest.advanceTimersByTimeAsync(5000)
  return p
}

describe('call', () => {
  beforeEach(() => {
    jest.useFakeTimers()
    mockSend.mockReset()
  })
  afterEach(() => jest.useRealTimers())

  it('resends a lost request with the very same body, so the server sees the same requestId', async () => {
    mockSend.mockResolvedValueOnce(lost).mockResolvedValueOnce(lost).mockResolvedValueOnce({ kind: 'answer', status: 200, body: { ok: true, data: { applicationId: 'a1' } } })
    const input = { requestId: 'req-12345678', name: '王建国' }
    const res = await callWithTime('applyCertificate', input)
    expect(res).toEqual({ ok: true, data: { applicationId: 'a1' } })
    expect(mockSend).toHaveBeenCalledTimes(3)
    for (const c of mockSend.mock.calls) expect(c[1]).toBe(input)
  })

  it('gives up after three retries with a Chinese message instead of throwing', async () => {
    mockSend.mockResolvedValue(lost)
    const res = await callWithTime('getMyCertificate')
    expect(mockSend).toHaveBeenCalledTimes(4)
    expect(res).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: NETWORK_MESSAGE } })
  })

  it('does not retry an answer the server gave (4xx)', async () => {
    mockSend.mockResolvedValue({ kind: 'answer', status: 400, body: { ok: false, error: { code: 'VALIDATION_FAILED', message: '填写的内容有误', fields: { phone: '请填写手机号码' } } } })
    const res = await callWithTime('applyCertificate', {})
    expect(mockSend).toHaveBeenCalledTimes(1)
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.fields).toEqual({ phone: '请填写手机号码' })
  })

  it('never lets a backend exception reach the page', async () => {
    mockSend.mockRejectedValue(new Error('boom'))
    const res = await callWithTime('getMyCertificate')
    expect(res.ok).toBe(false)
  })

  it('replaces a message a citizen cannot read with the Chinese default for its code', async () => {
    mockSend.mockResolvedValue({ kind: 'answer', status: 403, body: { ok: false, error: { code: 'FORBIDDEN', message: 'Forbidden' } } })
    const res = await callWithTime('listReviewQueue')
    expect(res).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '您没有办理此项业务的权限' } })
  })
})
