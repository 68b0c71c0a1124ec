import { act } from 'react'
import * as Taro from '@tarojs/taro'
import { render } from '../../../test/support/render-component'
import { startPrivacyGuide } from '../services/privacy'
import { PrivacyDialog } from './PrivacyDialog'

type Resolve = (o: { event: string; buttonId?: string }) => void

/**
 * The dialog is the mini-program's (WeChat asks through wx.onNeedPrivacyAuthorization; the H5 build
 * never asks). Test double: that WeChat API, on the Taro object, started as on weapp.
 */
let ask: (resolve: Resolve) => void
beforeAll(() => {
  ;(Taro as unknown as { default: Record<string, unknown> }).default.onNeedPrivacyAuthorization = (cb: typeof ask) => {
    ask = cb
  }
  process.env.TARO_ENV = 'weapp'
  startPrivacyGuide()
  process.env.TARO_ENV = 'h5'
})

const request = async () => {
  const resolve = jest.fn<void, Parameters<Resolve>>()
  await act(async () => ask(resolve))
  return resolve
}

test('nothing is shown until WeChat asks', async () => {
  const r = await render(<PrivacyDialog />)
  expect(r.find('privacy-dialog')).toBeNull()
})

test('when asked: what is collected and why, the full guide a tap away, 同意 and 不同意', async () => {
  const r = await render(<PrivacyDialog />)
  await request()
  await r.settle()
  expect(r.byId('privacy-dialog').getAttribute('role')).toBe('dialog')
  expect(r.text('privacy-dialog')).toContain('个人信息保护提示')
  expect(r.text('privacy-dialog')).toContain('证件号码和人脸信息属于敏感个人信息')
  expect(r.text('privacy-open')).toBe('查看《用户隐私保护指引》')
  expect(r.text('privacy-agree')).toBe('同意并继续')
  expect(r.text('privacy-disagree')).toBe('不同意')
  await r.tap('privacy-disagree')
})

test('不同意 answers disagree, and the dialog goes', async () => {
  const r = await render(<PrivacyDialog />)
  const resolve = await request()
  await r.settle()
  await r.tap('privacy-disagree')
  expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
  expect(r.find('privacy-dialog')).toBeNull()
})

test('only the agree button’s own event answers agree (WeChat checks the button was tapped)', async () => {
  const r = await render(<PrivacyDialog />)
  const resolve = await request()
  await r.settle()
  // a plain tap is not the agree event: nothing answered yet
  await r.tap('privacy-agree')
  expect(resolve).not.toHaveBeenCalledWith(expect.objectContaining({ event: 'agree' }))
  await act(async () => void r.byId('privacy-agree').dispatchEvent(new CustomEvent('agreeprivacyauthorization')))
  await r.settle()
  expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
  expect(r.find('privacy-dialog')).toBeNull()
})
