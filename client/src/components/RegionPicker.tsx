import { useMemo, useState, useEffect } from 'react'
import { View, Text } from '@tarojs/components'
import { provinces, citiesOf, countiesOf } from '@shared/regions'
import type { CodeItem } from '@shared/codes'
import { FormField, type FieldCommonProps } from './FormField'
import { errorId, fieldId } from './ids'
import { SelectSheet } from './SelectSheet'
import './components.css'

type Region = CodeItem

export interface RegionPickerProps extends FieldCommonProps {
  /** the field path of the address, e.g. `hukouAddress`; the county code is `<path>.regionCode` */
  path: string
  /** 6-digit county code, '' when not chosen yet */
  value: string
  /** a county chosen: its 6-digit code; '' when a higher level changed and the county must be chosen again */
  onChange: (countyCode: string) => void
  /** the county's list closed: the field counts as visited */
  onBlur?: () => void
  /** the path of the county code when it is a field of its own (`workRegion`); default `<path>.regionCode` */
  codePath?: string
}

/** Province and city codes of a county code (GB/T 2260: PPCCDD). */
function ancestors(county: string): { province: string; city: string } {
  if (!/^\d{6}$/.test(county)) return { province: '', city: '' }
  const province = `${county.slice(0, 2)}0000`
  const direct = `${county.slice(0, 4)}00`
  // Most counties sit under PPCC00; search when the data set groups them otherwise.
  const city = citiesOf(province).some((c) => c.code === direct)
    ? direct
    : citiesOf(province).find((c) => countiesOf(c.code).some((d) => d.code === county))?.code ?? ''
  return { province, city }
}

/**
 * Province → city → county as three dependent pickers: each level is a short list an older
 * user can scroll, each has its own visible caption, and the county (what the form keeps) is
 * only offered once the city is known.
 */
export function RegionPicker({ path, label, value, onChange, onBlur, codePath, required, hint, error }: RegionPickerProps) {
  const [province, setProvince] = useState(() => ancestors(value).province)
  const [city, setCity] = useState(() => ancestors(value).city)

  // A value set from outside (restored draft, "同户籍地址") moves the upper levels along.
  useEffect(() => {
    if (value) {
      const a = ancestors(value)
      setProvince(a.province)
      setCity(a.city)
    }
  }, [value])

  const provinceList = useMemo(() => provinces(), [])
  const cityList = useMemo(() => (province ? citiesOf(province) : []), [province])
  const countyList = useMemo(() => (city ? countiesOf(city) : []), [city])

  const countyPath = codePath ?? `${path}.regionCode`
  const level = (
    key: 'province' | 'city' | 'regionCode',
    caption: string,
    list: readonly Region[],
    chosen: string,
    pick: (code: string) => void,
    disabledText?: string,
  ) => {
    const disabled = list.length === 0
    return (
      <View className='rp__level'>
        <Text className='rp__caption'>{caption}</Text>
        <SelectSheet
          id={key === 'regionCode' ? fieldId(countyPath) : fieldId(`${path}.${key}`)}
          label={`${label}${caption}`}
          items={list}
          value={chosen}
          onChange={pick}
          onClose={key === 'regionCode' ? onBlur : undefined}
          placeholder={`请选择${caption}`}
          error={!!error && key === 'regionCode'}
          disabled={disabled}
          disabledText={disabledText}
          describedBy={error ? errorId(countyPath) : undefined}
        />
      </View>
    )
  }

  return (
    <FormField path={countyPath} label={label} required={required} hint={hint} error={error}>
      {level('province', '省（自治区、直辖市）', provinceList, province, (code) => {
        if (code === province) return
        setProvince(code)
        setCity('')
        onChange('')
      })}
      {level('city', '市（地区、州、盟）', cityList, city, (code) => {
        if (code === city) return
        setCity(code)
        onChange('')
      }, '请先选择省')}
      {level('regionCode', '区（县）', countyList, value, onChange, '请先选择市')}
    </FormField>
  )
}

