import { Picker, View, Text } from '@tarojs/components'
import type { CodeItem } from '../../../shared/codes'
import { FormField } from './FormField'
import { fieldId } from './ids'

export interface PickerFieldProps {
  path: string
  label: string
  items: readonly CodeItem[]
  /** the chosen code, '' when none */
  value: string
  onChange: (code: string) => void
  /** called when the picker closes, chosen or not: the field counts as visited */
  onBlur?: () => void
  required?: boolean
  hint?: string
  error?: string
  placeholder?: string
}

/** Choose one entry of a code table; the citizen reads labels, the form keeps codes. */
export function PickerField(props: PickerFieldProps) {
  const { path, label, items, value, onChange, onBlur, required, hint, error, placeholder = '请选择' } = props
  const index = items.findIndex((i) => i.code === value)
  const chosen = index >= 0 ? items[index] : undefined
  return (
    <FormField path={path} label={label} required={required} hint={hint} error={error}>
      <Picker
        id={fieldId(path)}
        mode='selector'
        range={items.map((i) => i.label)}
        value={index >= 0 ? index : 0}
        onChange={(e) => {
          const i = Number(e.detail.value)
          if (items[i]) onChange(items[i].code)
          onBlur?.()
        }}
        onCancel={() => onBlur?.()}
      >
        <View
          className={`pf__box${error ? ' pf__box--error' : ''}`}
          role='button'
          aria-label={`${label}：${chosen ? chosen.label : '未选择'}`}
          aria-haspopup='listbox'
        >
          <Text className={chosen ? 'pf__value' : 'pf__placeholder'}>{chosen ? chosen.label : placeholder}</Text>
          <Text className='pf__chevron' aria-hidden='true'>
            ›
          </Text>
        </View>
      </Picker>
    </FormField>
  )
}
