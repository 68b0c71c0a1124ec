import * as Taro from '@tarojs/taro'
import { render } from '../../../test/support/render-component'
import { ElderOffer, ElderSwitch } from './ElderSwitch'

test('the first-run offer: 打开长辈模式 turns it on, the offer goes and the switch says 已开启', async () => {
  const r = await render(
    <>
      <ElderOffer />
      <ElderSwitch />
    </>,
  )
  expect(r.text('elder-offer')).toContain('字太小、看不清？')
  expect(r.text('elder-switch')).toContain('已关闭')
  await r.tap('elder-offer-yes')
  expect(r.find('elder-offer')).toBeNull()
  expect(r.byId('elder-switch').getAttribute('aria-checked')).toBe('true')
  expect(r.text('elder-switch')).toContain('已开启')
  // kept on the phone, so the next visit starts in 长辈模式 and is not offered it again
  expect(Taro.getStorageSync('pref:elder')).toBe(true)
})

test('the switch flips each tap, says its state in words, and keeps the choice', async () => {
  const r = await render(<ElderSwitch id='sw' />)
  const before = r.byId('sw').getAttribute('aria-checked') === 'true'
  await r.tap('sw')
  expect(r.byId('sw').getAttribute('aria-checked')).toBe(before ? 'false' : 'true')
  expect(r.text('sw')).toContain(before ? '已关闭' : '已开启')
  expect(r.byId('sw').getAttribute('aria-label')).toContain(before ? '已关闭' : '已开启')
  expect(Taro.getStorageSync('pref:elder')).toBe(!before)
  await r.tap('sw')
  expect(r.byId('sw').getAttribute('aria-checked')).toBe(before ? 'true' : 'false')
})

test('the offer declined: it goes, and the choice is kept so it is not offered again', async () => {
  const r = await render(<ElderOffer />)
  await r.tap('elder-offer-no')
  expect(r.find('elder-offer')).toBeNull()
  expect(Taro.getStorageSync('pref:elder')).toBe(false)
})

test('once a mode was chosen, no offer', async () => {
  Taro.setStorageSync('pref:elder', false)
  const r = await render(<ElderOffer />)
  expect(r.find('elder-offer')).toBeNull()
})
