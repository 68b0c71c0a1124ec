import { useState } from 'react'
import { render } from '../../../test/support/render-component'
import { DateField } from './DateField'

function Kept({ onChange, fields, start, end }: { onChange: (d: string) => void; fields?: 'day' | 'month'; start?: string; end?: string }) {
  const [value, setValue] = useState('')
  return (
    <DateField
      path='lostJobDate'
      label='失业日期'
      fields={fields}
      start={start}
      end={end}
      value={value}
      onChange={(d) => {
        setValue(d)
        onChange(d)
      }}
    />
  )
}

/** The row of `items` whose text is `label`, in the open sheet of `id`. */
const row = (container: HTMLElement, id: string, label: string) =>
  Array.from(container.querySelectorAll<HTMLElement>(`[id^="${id}-opt-"]`)).find((e) => e.textContent?.includes(label))!

test('year, then month, then day: the date is reported only when complete', async () => {
  const onChange = jest.fn()
  const r = await render(<Kept onChange={onChange} start='2020-01-01' end='2021-12-31' />)
  // month and day wait for the year
  expect(r.byId('field-lostJobDate-month').getAttribute('aria-disabled')).toBe('true')
  await r.tap('field-lostJobDate-year')
  await r.tap(row(r.container, 'field-lostJobDate-year', '2021年'))
  expect(onChange).toHaveBeenLastCalledWith('')
  await r.tap('field-lostJobDate-month')
  await r.tap(row(r.container, 'field-lostJobDate-month', '2月'))
  await r.tap('field-lostJobDate-day')
  // February 2021 has 28 days
  expect(r.byId('field-lostJobDate-day-sheet').querySelectorAll('[role="radio"]')).toHaveLength(28)
  await r.tap(row(r.container, 'field-lostJobDate-day', '28日'))
  expect(onChange).toHaveBeenLastCalledWith('2021-02-28')
})

test('months after the end are not offered', async () => {
  const r = await render(<Kept onChange={() => undefined} start='2020-01-01' end='2021-03-15' />)
  await r.tap('field-lostJobDate-year')
  await r.tap(row(r.container, 'field-lostJobDate-year', '2021年'))
  await r.tap('field-lostJobDate-month')
  expect(r.text('field-lostJobDate-month-sheet')).toContain('3月')
  expect(r.text('field-lostJobDate-month-sheet')).not.toContain('4月')
})

test("fields='month': year and month make the value YYYY-MM, no day is asked", async () => {
  const onChange = jest.fn()
  const r = await render(<Kept onChange={onChange} fields='month' start='2020-01-01' end='2021-12-31' />)
  expect(r.find('field-lostJobDate-day')).toBeNull()
  await r.tap('field-lostJobDate-year')
  await r.tap(row(r.container, 'field-lostJobDate-year', '2020年'))
  await r.tap('field-lostJobDate-month')
  await r.tap(row(r.container, 'field-lostJobDate-month', '11月'))
  expect(onChange).toHaveBeenLastCalledWith('2020-11')
})
