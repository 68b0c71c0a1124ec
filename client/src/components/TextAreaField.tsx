import { Textarea } from '@tarojs/components'
import { FormField, type FieldCommonProps } from './FormField'
import { errorId, fieldId } from './ids'
import './components.css'

export interface TextAreaFieldProps extends FieldCommonProps {
  /** what is in the box now */
  value: string
  /** each keystroke: the whole new text */
  onChange: (value: string) => void
  /** the box lost focus: the field counts as visited */
  onBlur?: () => void
  /** most characters (default 500); without a hint of its own the field shows 最多 N 字，现在 M 字 */
  maxlength?: number
}

/** Several lines of free text (其他需要说明的事项); the count shows how much room is left. */
export function TextAreaField({ path, label, value, onChange, onBlur, required, hint, error, maxlength = 500 }: TextAreaFieldProps) {
  const nativeProps =
    process.env.TARO_ENV === 'h5'
      ? {
          'aria-label': label,
          'aria-required': required ? 'true' : undefined,
          'aria-invalid': error ? 'true' : 'false',
          'aria-describedby': error ? errorId(path) : undefined,
        }
      : undefined
  return (
    <FormField path={path} label={label} required={required} hint={hint ?? `最多 ${maxlength} 字，现在 ${[...value].length} 字`} error={error}>
      <Textarea
        id={fieldId(path)}
        name={path}
        className={`ta__input${error ? ' tf__input--error' : ''}`}
        value={value}
        maxlength={maxlength}
        onInput={(e) => onChange(e.detail.value)}
        onBlur={() => onBlur?.()}
        nativeProps={nativeProps}
      />
    </FormField>
  )
}
