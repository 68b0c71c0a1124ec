import { useState } from 'react'
import { render } from '../../../test/support/render-component'
import { ChoiceField } from './ChoiceField'

/** Options as a code table gives them: codes 1, 2… in order. */
const table = (...labels: string[]) => labels.map((label, i) => ({ code: String(i + 1), label }))
const ITEMS = table('是', '否')
const MANY = table('甲类', '乙类', '丙类')

function Kept({ multiple, max, onChange }: { multiple?: boolean; max?: number; onChange: (v: string | string[]) => void }) {
  const [value, setValue] = useState<string | string[]>(multiple ? [] : '')
  return (
    <ChoiceField
      path='kind'
      label='人员类别'
      items={multiple ? MANY : ITEMS}
      multiple={multiple}
      max={max}
      value={value}
      onChange={(v) => {
        setValue(v)
        onChange(v)
      }}
    />
  )
}

test('one choice: a tap selects the option, reports its code and marks it with ✓ and aria-checked', async () => {
  const onChange = jest.fn()
  const r = await render(<Kept onChange={onChange} />)
  expect(r.byId('field-kind').getAttribute('role')).toBe('radiogroup')
  await r.tap('field-kind-1')
  expect(onChange).toHaveBeenLastCalledWith('2')
  expect(r.byId('field-kind-1').getAttribute('aria-checked')).toBe('true')
  expect(r.text('field-kind-1')).toBe('✓否')
  expect(r.byId('field-kind-0').getAttribute('aria-checked')).toBe('false')
})

test('several choices: kept in the table order, untapped again, and no more than max', async () => {
  const onChange = jest.fn()
  const r = await render(<Kept multiple max={2} onChange={onChange} />)
  expect(r.byId('field-kind').getAttribute('role')).toBe('group')
  await r.tap('field-kind-2')
  await r.tap('field-kind-0')
  expect(onChange).toHaveBeenLastCalledWith(['1', '3'])
  await r.tap('field-kind-1')
  // a third is refused: nothing new reported
  expect(onChange).toHaveBeenCalledTimes(2)
  expect(r.byId('field-kind-1').getAttribute('aria-checked')).toBe('false')
  await r.tap('field-kind-2')
  expect(onChange).toHaveBeenLastCalledWith(['1'])
})

test('plain words come first, the official label on a second line, both in the accessible name', async () => {
  const r = await render(<ChoiceField path='kind' label='人员类别' items={ITEMS} value='' onChange={() => undefined} plain={{ '1': '要领' }} error='请选择' />)
  expect(r.byId('field-kind-0').getAttribute('aria-label')).toBe('要领（是）')
  expect(r.text('field-kind-0')).toBe('要领是')
  expect(r.text('error-kind')).toContain('请选择')
})
