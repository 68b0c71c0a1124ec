import { act } from 'react'
import * as Taro from '@tarojs/taro'
import { render, replaceTaroApi } from '../../../test/support/render-component'
import { OfflineBanner } from './OfflineBanner'


const kept = { requestId: 'r1', action: 'submitApplication', input: {}, title: '申领《就业创业证》', savedAt: 0 }

const goOffline = () => act(() => void window.dispatchEvent(new Event('offline')))
const goOnline = () => act(() => void window.dispatchEvent(new Event('online')))

afterEach(async () => {
  await goOnline()
})

test('online with nothing kept: no banner at all', async () => {
  const r = await render(<OfflineBanner />)
  expect(r.find('offline-banner')).toBeNull()
  expect(r.find('outbox-sending')).toBeNull()
})

test('offline: says so, and that filling in can go on', async () => {
  const r = await render(<OfflineBanner />)
  await goOffline()
  await r.settle()
  expect(r.byId('offline-banner').getAttribute('role')).toBe('status')
  expect(r.text('offline-banner')).toContain('网络已断开')
  expect(r.text('offline-banner')).toContain('可以继续填写，内容会保存在本机。联网后再提交。')
})

test('offline with a kept submission: says it will be sent without retyping', async () => {
  Taro.setStorageSync('outbox:pending', [kept])
  const r = await render(<OfflineBanner />)
  await goOffline()
  await r.settle()
  expect(r.text('offline-banner')).toContain('有 1 项申请已保存在本机，联网后会自动提交，不用重填。')
})

test('a kept submission that arrived: 已提交, 查看进度 opens it and the note goes', async () => {
  // test double: Taro.navigateTo needs the app's router, which a lone component does not have
  const navigateTo = replaceTaroApi('navigateTo')
  Taro.setStorageSync('outbox:done', [{ requestId: 'r1', title: '申领《就业创业证》', ok: true, applicationId: 'app 1', at: 0 }])
  const r = await render(<OfflineBanner />)
  expect(r.text('outbox-done-ok')).toContain('已提交：申领《就业创业证》')
  const open = Array.from(r.byId('outbox-done-ok').querySelectorAll<HTMLElement>('[role="link"]')).find((e) => e.textContent === '查看进度')!
  await r.tap(open)
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packageMine/progress/index?id=app%201' })
  expect(r.find('outbox-done-ok')).toBeNull()
})

test('a kept submission refused: the reason, 打开修改, and 知道了 dismisses it', async () => {
  Taro.setStorageSync('outbox:done', [{ requestId: 'r2', title: '失业登记', ok: false, message: '证件号码有误。', retryUrl: '/packageForms/unemployment/index', at: 0 }])
  const r = await render(<OfflineBanner />)
  expect(r.text('outbox-done-failed')).toContain('没有提交成功：失业登记')
  expect(r.text('outbox-done-failed')).toContain('证件号码有误。 请打开后修改，再提交一次。')
  expect(r.text('outbox-done-failed')).toContain('打开修改')
  await r.tap(r.byId('outbox-done-failed').querySelector<HTMLElement>('[role="button"]')!)
  expect(r.find('outbox-done-failed')).toBeNull()
  expect(Taro.getStorageSync('outbox:done')).toEqual([])
})
