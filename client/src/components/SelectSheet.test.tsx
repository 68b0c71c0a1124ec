import { useState } from 'react'
import { render } from '../../../test/support/render-component'
import { SelectSheet } from './SelectSheet'

const SHORT = [
  { code: '01', label: '汉族' },
  { code: '02', label: '蒙古族' },
]
const LONG = Array.from({ length: 20 }, (_, i) => ({ code: String(i), label: i === 7 ? '辽宁省' : `第${i}项` }))

function Kept({ items = SHORT, onChange = () => undefined, onClose, disabled }: { items?: typeof SHORT; onChange?: (c: string) => void; onClose?: () => void; disabled?: boolean }) {
  const [value, setValue] = useState('')
  return (
    <SelectSheet
      id='nation'
      label='民族'
      items={items}
      value={value}
      onChange={(c) => {
        setValue(c)
        onChange(c)
      }}
      onClose={onClose}
      disabled={disabled}
      disabledText='请先选择省'
    />
  )
}

test('nothing is chosen until a row is tapped; the chosen label then shows in the box', async () => {
  const onChange = jest.fn()
  const onClose = jest.fn()
  const r = await render(<Kept onChange={onChange} onClose={onClose} />)
  expect(r.text('nation')).toContain('请选择')
  expect(r.byId('nation').getAttribute('aria-label')).toBe('民族：未选择')
  expect(r.find('nation-sheet')).toBeNull()
  await r.tap('nation')
  expect(r.byId('nation').getAttribute('aria-expanded')).toBe('true')
  expect(r.text('nation-sheet')).toContain('选择民族')
  await r.tap('nation-opt-1')
  expect(onChange).toHaveBeenCalledWith('02')
  expect(onClose).toHaveBeenCalledTimes(1)
  expect(r.find('nation-sheet')).toBeNull()
  expect(r.byId('nation').getAttribute('aria-label')).toBe('民族：蒙古族')
})

test('取消 closes the sheet and changes nothing', async () => {
  const onChange = jest.fn()
  const onClose = jest.fn()
  const r = await render(<Kept onChange={onChange} onClose={onClose} />)
  await r.tap('nation')
  await r.tap('nation-cancel')
  expect(r.find('nation-sheet')).toBeNull()
  expect(onChange).not.toHaveBeenCalled()
  expect(onClose).toHaveBeenCalledTimes(1)
})

test('a long list can be searched; no match says so in words', async () => {
  const onChange = jest.fn()
  const r = await render(<Kept items={LONG} onChange={onChange} />)
  await r.tap('nation')
  await r.type('nation-search', '辽宁')
  expect(r.byId('nation-sheet').querySelectorAll('[role="radio"]')).toHaveLength(1)
  // the row keeps its index in the whole list
  await r.tap('nation-opt-7')
  expect(onChange).toHaveBeenCalledWith('7')
  await r.tap('nation')
  await r.type('nation-search', '火星')
  expect(r.text('nation-sheet')).toContain('没有找到“火星”，请换个字试试')
})

test('a short list has no search box', async () => {
  const r = await render(<Kept />)
  await r.tap('nation')
  expect(r.find('nation-search')).toBeNull()
})

test('disabled: says why and does not open', async () => {
  const r = await render(<Kept disabled />)
  expect(r.text('nation')).toContain('请先选择省')
  expect(r.byId('nation').getAttribute('aria-disabled')).toBe('true')
  await r.tap('nation')
  expect(r.find('nation-sheet')).toBeNull()
})
