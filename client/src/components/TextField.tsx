import { Input } from '@tarojs/components'
import { FormField, type FieldCommonProps } from './FormField'
import { errorId, fieldId } from './ids'

export interface TextFieldProps extends FieldCommonProps {
  /** what is in the box now */
  value: string
  /** each keystroke: the whole new text */
  onChange: (value: string) => void
  /** the box lost focus: the field counts as visited (its error may show) */
  onBlur?: () => void
  /** an example in grey, Chinese; never instead of the label */
  placeholder?: string
  /** most characters accepted (default 140) */
  maxlength?: number
  /** weapp keyboard; on H5 `tel`/`email` pick the matching keyboard */
  kind?: 'text' | 'idcard' | 'tel' | 'email'
  /** HTML autocomplete token (H5), e.g. `name`, `tel`, `email` */
  autoComplete?: string
  /** accessible name when the visible label relies on its section (两个“详细地址”) */
  a11yLabel?: string
}

/** One line of text inside a FormField; on H5 the real `<input>` gets the label, required, invalid and error ids. */
export function TextField(props: TextFieldProps) {
  const { path, label, value, onChange, onBlur, required, hint, error, placeholder, maxlength, kind = 'text', autoComplete, a11yLabel } = props
  const weappType = kind === 'tel' ? 'number' : kind === 'idcard' ? 'idcard' : 'text'
  // On H5 the real <input> lives inside <taro-input-core>: give it the accessible name and
  // form name there, so a browser (or a test using getByLabel) finds it as a person would.
  const nativeProps =
    process.env.TARO_ENV === 'h5'
      ? {
          'aria-label': a11yLabel ?? label,
          'aria-required': required ? 'true' : undefined,
          'aria-invalid': error ? 'true' : 'false',
          'aria-describedby': error ? errorId(path) : undefined,
          type: kind === 'tel' ? 'tel' : kind === 'email' ? 'email' : 'text',
          inputMode: kind === 'tel' ? 'numeric' : undefined,
          autoComplete,
        }
      : undefined
  return (
    <FormField path={path} label={label} required={required} hint={hint} error={error}>
      <Input
        id={fieldId(path)}
        name={path}
        className={`tf__input${error ? ' tf__input--error' : ''}`}
        type={weappType}
        value={value}
        placeholder={placeholder}
        placeholderClass='tf__placeholder'
        maxlength={maxlength ?? 140}
        onInput={(e) => onChange(e.detail.value)}
        onBlur={() => onBlur?.()}
        nativeProps={nativeProps}
      />
    </FormField>
  )
}
