import { useState } from 'react'
import { citiesOf, countiesOf, provinces } from '@shared/regions'
import { render } from '../../../test/support/render-component'
import { RegionPicker } from './RegionPicker'

function Kept({ onChange, initial = '' }: { onChange: (c: string) => void; initial?: string }) {
  const [value, setValue] = useState(initial)
  return (
    <RegionPicker
      path='hukouAddress'
      label='户籍所在地'
      required
      value={value}
      onChange={(c) => {
        setValue(c)
        onChange(c)
      }}
    />
  )
}

// whatever the region table holds: its first province, that province's first city, that city's first county
const province = provinces()[0]
const city = citiesOf(province.code)[0]
const county = countiesOf(city.code)[0]

test('province, then city, then county: each waits for the one above, and the county code is what is reported', async () => {
  const onChange = jest.fn()
  const r = await render(<Kept onChange={onChange} />)
  expect(r.text('field-hukouAddress-city')).toContain('请先选择省')
  expect(r.text('field-hukouAddress-regionCode')).toContain('请先选择市')
  await r.tap('field-hukouAddress-province')
  await r.tap('field-hukouAddress-province-opt-0')
  expect(r.text('field-hukouAddress-province')).toContain(province.label)
  await r.tap('field-hukouAddress-city')
  await r.tap('field-hukouAddress-city-opt-0')
  await r.tap('field-hukouAddress-regionCode')
  await r.tap('field-hukouAddress-regionCode-opt-0')
  expect(onChange).toHaveBeenLastCalledWith(county.code)
  expect(r.text('field-hukouAddress-regionCode')).toContain(county.label)
})

test('a county code given from outside (a restored draft) shows its province and city', async () => {
  const r = await render(<Kept onChange={() => undefined} initial={county.code} />)
  expect(r.text('field-hukouAddress-province')).toContain(province.label)
  expect(r.text('field-hukouAddress-city')).toContain(city.label)
  expect(r.text('field-hukouAddress-regionCode')).toContain(county.label)
})

test('choosing another province clears the county: nothing is silently kept from the old one', async () => {
  const onChange = jest.fn()
  const other = provinces()[1]
  const r = await render(<Kept onChange={onChange} initial={county.code} />)
  await r.tap('field-hukouAddress-province')
  await r.tap('field-hukouAddress-province-opt-1')
  expect(onChange).toHaveBeenLastCalledWith('')
  expect(r.text('field-hukouAddress-province')).toContain(other.label)
  expect(r.text('field-hukouAddress-city')).toContain('请选择')
})
