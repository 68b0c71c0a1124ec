import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { errorId, wrapId } from './ids'
import './components.css'

export interface FormFieldProps {
  /** field path, e.g. `name` or `hukouAddress.detail` */
  path: string
  label: string
  required?: boolean
  hint?: string
  error?: string
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
