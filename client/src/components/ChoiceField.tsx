import { View, Text } from '@tarojs/components'
import type { CodeItem } from '@shared/codes'
import { FormField, type FieldCommonProps } from './FormField'
import { fieldId } from './ids'
import './components.css'

export interface ChoiceFieldProps extends FieldCommonProps {
  /** the options, all shown (a short code table of shared/codes.ts) */
  items: readonly CodeItem[]
  /** single: the chosen code ('' = none); multiple: the chosen codes */
  value: string | readonly string[]
  /** after each tap: the chosen code (single) or codes in the table's order (multiple) */
  onChange: (value: string | string[]) => void
  /** after each tap: the field counts as visited */
  onBlur?: () => void
  /** tick boxes (choose any) instead of round buttons (choose one) */
  multiple?: boolean
  /** most that may be chosen (multiple only) */
  max?: number
  /** plain words per code; the item's official label then goes on a smaller second line (issue 17) */
  plain?: Record<string, string>
}

/**
 * A short list shown in full, for choices that are easier to read than to scroll a wheel for
 * (是否申领失业保险金, 登记失业地, 人员类别). Each option is a 44pt row with a mark AND its words,
 * so the choice is never shown by colour alone. Ids: `field-<path>-<index>`.
 */
export function ChoiceField({ path, label, items, value, onChange, onBlur, multiple, max, required, hint, error, plain }: ChoiceFieldProps) {
  const chosen: readonly string[] = multiple ? (Array.isArray(value) ? value : []) : value ? [value as string] : []
  const toggle = (code: string) => {
    if (!multiple) {
      onChange(code)
    } else if (chosen.includes(code)) {
      onChange(chosen.filter((c) => c !== code))
    } else if (!max || chosen.length < max) {
      // keep the table's order, whatever order the person taps in
      onChange(items.map((i) => i.code).filter((c) => c === code || chosen.includes(c)))
    }
    onBlur?.()
  }
  return (
    <FormField path={path} label={label} required={required} hint={hint} error={error}>
      <View id={fieldId(path)} className={`cf${error ? ' cf--error' : ''}`} role={multiple ? 'group' : 'radiogroup'} aria-label={label}>
        {items.map((it, i) => {
          const on = chosen.includes(it.code)
          return (
            <View
              key={it.code}
              id={`${fieldId(path)}-${i}`}
              className={`cf__option${on ? ' cf__option--on' : ''}`}
              role={multiple ? 'checkbox' : 'radio'}
              aria-checked={on ? 'true' : 'false'}
              aria-label={plain?.[it.code] ? `${plain[it.code]}（${it.label}）` : it.label}
              hoverClass='cf__option--hover'
              onClick={() => toggle(it.code)}
            >
              <Text className={`cf__mark${multiple ? ' cf__mark--box' : ''}`} aria-hidden='true'>
                {on ? '✓' : ''}
              </Text>
              {plain?.[it.code] ? (
                <View className='cf__body'>
                  <Text className='cf__text'>{plain[it.code]}</Text>
                  <Text className='cf__official'>{it.label}</Text>
                </View>
              ) : (
                <Text className='cf__text'>{it.label}</Text>
              )}
            </View>
          )
        })}
      </View>
    </FormField>
  )
}
