import { render, replaceTaroApi } from '../../../test/support/render-component'
import { ErrorSummary } from './ErrorSummary'

const ITEMS = [
  { path: 'name', label: '姓名', message: '请填写姓名' },
  { path: 'hukouAddress.regionCode', label: '户籍所在地', message: '请选择区（县）' },
]

test('says how many things to fix and lists each with its label and Chinese message', async () => {
  const r = await render(<ErrorSummary items={ITEMS} />)
  expect(r.byId('error-summary').getAttribute('role')).toBe('alert')
  expect(r.text('error-summary')).toContain('还有 2 处需要修改')
  expect(r.text('summary-name')).toBe('姓名：请填写姓名')
  expect(r.text('summary-hukouAddress-regionCode')).toBe('户籍所在地：请选择区（县）')
  expect(r.byId('summary-name').getAttribute('role')).toBe('link')
})

test('tapping an entry scrolls to its field', async () => {
  // test double: Taro.pageScrollTo scrolls the app's page, which a lone component does not have
  const pageScrollTo = replaceTaroApi('pageScrollTo')
  const r = await render(<ErrorSummary items={ITEMS} />)
  await r.tap('summary-hukouAddress-regionCode')
  expect(pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ selector: '#wrap-hukouAddress-regionCode' }))
})

test('with nothing to fix it shows nothing', async () => {
  const r = await render(<ErrorSummary items={[]} />)
  expect(r.find('error-summary')).toBeNull()
  expect(r.text()).toBe('')
})
