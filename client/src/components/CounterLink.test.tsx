import { render, replaceTaroApi } from '../../../test/support/render-component'
import { CounterLink } from './CounterLink'

test('offers the counter and opens its page when tapped', async () => {
  // test double: Taro.navigateTo needs the app's router, which a lone component does not have
  const navigateTo = replaceTaroApi('navigateTo')
  const r = await render(<CounterLink />)
  expect(r.text('counter-open')).toBe('到窗口核验身份')
  await r.tap('counter-open')
  expect(navigateTo).toHaveBeenCalledWith({ url: '/packageForms/counter/index' })
})
