import { render } from '../../../test/support/render-component'
import { FormField } from './FormField'

test('a required field shows its label, the 必填 mark and its hint; its Chinese error sits under the control, tied to the path', async () => {
  const r = await render(
    <FormField path='hukouAddress.detail' label='详细地址' required hint='写到门牌号' error='请填写详细地址'>
      <span id='control'>…</span>
    </FormField>,
  )
  const wrap = r.byId('wrap-hukouAddress-detail')
  expect(wrap.className).toContain('ff--error')
  expect(r.text('wrap-hukouAddress-detail')).toContain('详细地址')
  expect(wrap.querySelector('[aria-label="必填"]')?.textContent).toBe('*')
  expect(r.text()).toContain('写到门牌号')
  const error = r.byId('error-hukouAddress-detail')
  expect(error.getAttribute('role')).toBe('alert')
  expect(r.text('error-hukouAddress-detail')).toContain('请填写详细地址')
  // the control is inside the field's block, before its error
  expect(wrap.contains(r.byId('control'))).toBe(true)
})

test('an optional field says （选填） and, without an error, shows no error at all', async () => {
  const r = await render(
    <FormField path='email' label='电子邮箱'>
      <span />
    </FormField>,
  )
  expect(r.text()).toContain('电子邮箱（选填）')
  expect(r.find('error-email')).toBeNull()
  expect(r.byId('wrap-email').className).not.toContain('ff--error')
})
