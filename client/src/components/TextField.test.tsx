import { useState } from 'react'
import { render } from '../../../test/support/render-component'
import { TextField } from './TextField'

/** A form keeping what is typed, as the wizard does. */
function Kept({ error, onChange }: { error?: string; onChange?: (v: string) => void }) {
  const [value, setValue] = useState('')
  return (
    <TextField
      path='contact.phone'
      label='手机号码'
      kind='tel'
      autoComplete='tel'
      required
      value={value}
      onChange={(v) => {
        setValue(v)
        onChange?.(v)
      }}
      error={error}
    />
  )
}

test('what the person types is reported and shown in the field', async () => {
  const onChange = jest.fn()
  const r = await render(<Kept onChange={onChange} />)
  await r.type('field-contact-phone', '13800000000')
  expect(onChange).toHaveBeenLastCalledWith('13800000000')
  expect(r.byId('field-contact-phone').querySelector('input')?.value).toBe('13800000000')
})

test('the real input is named by the label, required, and points at its Chinese error', async () => {
  const r = await render(<Kept error='请填写11位手机号码' />)
  const input = r.byId('field-contact-phone').querySelector('input')!
  expect(input.getAttribute('aria-label')).toBe('手机号码')
  expect(input.getAttribute('aria-required')).toBe('true')
  expect(input.getAttribute('aria-invalid')).toBe('true')
  expect(input.getAttribute('aria-describedby')).toBe('error-contact-phone')
  expect(r.text('error-contact-phone')).toContain('请填写11位手机号码')
  // a phone number gets the phone keyboard and the browser's autofill
  expect(input.getAttribute('type')).toBe('tel')
  expect(input.getAttribute('inputmode')).toBe('numeric')
  expect(input.getAttribute('autocomplete')).toBe('tel')
})

test('without an error the input is not marked invalid; a11yLabel names it when the label is shared', async () => {
  const r = await render(<TextField path='workAddress.detail' label='详细地址' a11yLabel='工作单位的详细地址' value='' onChange={() => undefined} />)
  const input = r.byId('field-workAddress-detail').querySelector('input')!
  expect(input.getAttribute('aria-label')).toBe('工作单位的详细地址')
  expect(input.getAttribute('aria-invalid')).toBe('false')
  expect(input.hasAttribute('aria-describedby')).toBe(false)
  expect(r.find('error-workAddress-detail')).toBeNull()
})
