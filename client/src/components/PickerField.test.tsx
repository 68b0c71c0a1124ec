import { useState } from 'react'
import { render } from '../../../test/support/render-component'
import { PickerField } from './PickerField'

const EDUCATION = [
  { code: '21', label: '大学本科' },
  { code: '31', label: '大学专科' },
]

function Kept({ onChange, onBlur, error }: { onChange: (c: string) => void; onBlur?: () => void; error?: string }) {
  const [value, setValue] = useState('')
  return (
    <PickerField
      path='education'
      label='文化程度'
      required
      items={EDUCATION}
      value={value}
      onChange={(c) => {
        setValue(c)
        onChange(c)
      }}
      onBlur={onBlur}
      error={error}
    />
  )
}

test('choosing an entry reports its code, shows its label, and counts the field as visited', async () => {
  const onChange = jest.fn()
  const onBlur = jest.fn()
  const r = await render(<Kept onChange={onChange} onBlur={onBlur} />)
  expect(r.text('wrap-education')).toContain('文化程度')
  expect(r.text('field-education')).toContain('请选择')
  await r.tap('field-education')
  await r.tap('field-education-opt-1')
  expect(onChange).toHaveBeenCalledWith('31')
  expect(onBlur).toHaveBeenCalledTimes(1)
  expect(r.text('field-education')).toContain('大学专科')
})

test('an error is shown under the box and described by it', async () => {
  const r = await render(<Kept onChange={() => undefined} error='请选择文化程度' />)
  expect(r.text('error-education')).toContain('请选择文化程度')
  expect(r.byId('field-education').getAttribute('aria-describedby')).toBe('error-education')
  expect(r.byId('field-education').className).toContain('pf__box--error')
})
