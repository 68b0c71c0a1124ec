import { Picker, View, Text } from '@tarojs/components'
import { FormField } from './FormField'
import { fieldId } from './ids'
import './components.css'

export interface DateFieldProps {
  path: string
  label: string
  /** YYYY-MM-DD (YYYY-MM with fields='month') or '' */
  value: string
  /** 'month': choose a year and month only, the value is YYYY-MM */
  fields?: 'day' | 'month'
  /** where the wheel starts when nothing is chosen yet (default 1990-01-01; for months, `end`'s month) */
  initialValue?: string
  onChange: (date: string) => void
  onBlur?: () => void
  start?: string
  end?: string
  required?: boolean
  hint?: string
  error?: string
}

/** A date chosen on the platform's date wheel: no format for the citizen to get wrong. */
export function DateField({ path, label, value, fields = 'day', initialValue, onChange, onBlur, start = '1900-01-01', end, required, hint, error }: DateFieldProps) {
  const placeholder = fields === 'month' ? '请选择年月' : '请选择日期'
  const initial = initialValue ?? (fields === 'month' ? (end ?? '2000-01').slice(0, 7) : '1990-01-01')
  return (
    <FormField path={path} label={label} required={required} hint={hint} error={error}>
      <Picker
        id={fieldId(path)}
        mode='date'
        fields={fields}
        value={value || initial}
        start={start}
        end={end}
        onChange={(e) => {
          onChange(String(e.detail.value))
          onBlur?.()
        }}
        onCancel={() => onBlur?.()}
      >
        <View className={`pf__box${error ? ' pf__box--error' : ''}`} role='button' aria-label={`${label}：${value || '未选择'}`}>
          <Text className={value ? 'pf__value' : 'pf__placeholder'}>{value || placeholder}</Text>
          <Text className='pf__chevron' aria-hidden='true'>
            ›
          </Text>
        </View>
      </Picker>
    </FormField>
  )
}
