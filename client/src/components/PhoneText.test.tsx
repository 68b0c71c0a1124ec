import { render, replaceTaroApi } from '../../../test/support/render-component'
import { PhoneLink, PhoneText } from './PhoneText'

test('the numbers in a message become links to call, the words around them stay text', async () => {
  const r = await render(<PhoneText text='请拨打 0411-12345678 或 12333 咨询，办件编号 20260101' />)
  const links = r.container.querySelectorAll('[role="link"]')
  expect(Array.from(links).map((l) => l.getAttribute('aria-label'))).toEqual(['拨打电话 0411-12345678', '拨打电话 12333'])
  expect(r.text()).toBe('请拨打 0411-12345678 或 12333 咨询，办件编号 20260101')
})

test('tapping a number calls it, without the dash', async () => {
  // test double: Taro.makePhoneCall needs a phone
  const makePhoneCall = replaceTaroApi('makePhoneCall')
  const r = await render(<PhoneLink id='tel' phone='0411-12345678' />)
  await r.tap('tel')
  expect(makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '041112345678' })
})
