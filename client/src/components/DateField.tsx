import { Picker, View, Text } from '@tarojs/components'
import { FormField } from './FormField'
import { fieldId } from './ids'
import './components.css'

export interface DateFieldProps {
  path: string
  label: string
  /** YYYY-MM-DD or '' */
  value: string
  onChange: (date: string) => void
  onBlur?: () => void
  start?: string
  end?: string
  required?: boolean
  hint?: string
  error?: string
}

/** A date chosen on the platform's date wheel: no format for the citizen to get wrong. */
export function DateField({ path, label, value, onChange, onBlur, start = '1900-01-01', end, required, hint, error }: DateFieldProps) {
  return (
    <FormField path={path} label={label} required={required} hint={hint} error={error}>
      <Picker
        id={fieldId(path)}
        mode='date'
        value={value || '1990-01-01'}
        start={start}
        end={end}
        onChange={(e) => {
          onChange(String(e.detail.value))
          onBlur?.()
        }}
        onCancel={() => onBlur?.()}
      >
        <View className={`pf__box${error ? ' pf__box--error' : ''}`} role='button' aria-label={`${label}：${value || '未选择'}`}>
          <Text className={value ? 'pf__value' : 'pf__placeholder'}>{value || '请选择日期'}</Text>
          <Text className='pf__chevron' aria-hidden='true'>
            ›
          </Text>
        </View>
      </Picker>
    </FormField>
  )
}
