import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { errorId, wrapId } from './ids'
import './components.css'

/** What every form field takes (FormField and the fields built on it: TextField, PickerField, DateField…). */
export interface FieldCommonProps {
  /** field path in the form's values, e.g. `name` or `hukouAddress.detail`; gives the ids (ids.ts) */
  path: string
  /** the visible label, Chinese, as on the official form (姓名, 户籍所在地); never a placeholder */
  label: string
  /** shows the 必填 mark `*`; otherwise the label ends with （选填） */
  required?: boolean
  /** one line of help under the label, Chinese (e.g. 写到门牌号) */
  hint?: string
  /** the field's error in Chinese, shown under the control with an icon; '' or absent = none */
  error?: string
}

export interface FormFieldProps extends FieldCommonProps {
  /** the control itself (an input, a list of options…) */
  children: ReactNode
}

/**
 * One form row. The label stays visible (no placeholder-as-label: older users lose it while
 * typing); the error sits right under the control, with an icon and words, so colour is
 * never the only signal.
 */
export function FormField({ path, label, required, hint, error, children }: FormFieldProps) {
  return (
    <View id={wrapId(path)} className={`ff${error ? ' ff--error' : ''}`}>
      <View className='ff__label'>
        <Text>{label}</Text>
        {required ? (
          <Text className='ff__req' aria-label='必填'>
            *
          </Text>
        ) : (
          <Text className='ff__opt'>（选填）</Text>
        )}
      </View>
      {hint ? <Text className='ff__hint'>{hint}</Text> : null}
      <View className='ff__control'>{children}</View>
      {error ? (
        <View id={errorId(path)} className='ff__error' role='alert' aria-live='assertive'>
          <Text className='ff__error-icon' aria-hidden='true'>
            !
          </Text>
          <Text className='ff__error-text'>{error}</Text>
        </View>
      ) : null}
    </View>
  )
}
