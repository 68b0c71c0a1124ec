import type { CodeItem } from '@shared/codes'
import { FormField, type FieldCommonProps } from './FormField'
import { errorId, fieldId } from './ids'
import { SelectSheet } from './SelectSheet'

export interface PickerFieldProps extends FieldCommonProps {
  /** the code table to choose from (shared/codes.ts): the person reads labels, the form keeps codes */
  items: readonly CodeItem[]
  /** the chosen code, '' when none */
  value: string
  /** a row was tapped: its code */
  onChange: (code: string) => void
  /** called when the list closes, chosen or not: the field counts as visited */
  onBlur?: () => void
  /** the box's text while nothing is chosen (default 请选择) */
  placeholder?: string
}

/**
 * Choose one entry of a code table; the citizen reads labels, the form keeps codes. A sheet of radio
 * rows (components/SelectSheet.tsx), searchable when long — never a wheel that records its first item.
 */
export function PickerField(props: PickerFieldProps) {
  const { path, label, items, value, onChange, onBlur, required, hint, error, placeholder = '请选择' } = props
  return (
    <FormField path={path} label={label} required={required} hint={hint} error={error}>
      <SelectSheet id={fieldId(path)} label={label} items={items} value={value} onChange={onChange} onClose={onBlur} placeholder={placeholder} error={!!error} describedBy={error ? errorId(path) : undefined} />
    </FormField>
  )
}
