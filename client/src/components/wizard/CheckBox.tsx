/** A tick box the person must tick themselves (承诺, 确认终止), inside its labelled form field. */
import { View, Text } from '@tarojs/components'
import { FormField } from '../FormField'

interface CheckBoxProps {
  id: string
  /** the form field's path and label (error summary, a11y) */
  path: string
  fieldLabel: string
  /** what ticking it says */
  text: string
  checked: boolean
  error?: string
  /** the error's element, when the box is described by it */
  describedBy?: string
  onToggle: () => void
}

export function CheckBox({ id, path, fieldLabel, text, checked, error, describedBy, onToggle }: CheckBoxProps) {
  return (
    <FormField path={path} label={fieldLabel} required error={error}>
      <View
        id={id}
        className={`wiz__check${checked ? ' wiz__check--on' : ''}${error ? ' wiz__check--error' : ''}`}
        role='checkbox'
        aria-checked={checked ? 'true' : 'false'}
        aria-label={text}
        aria-describedby={describedBy}
        hoverClass='cf__option--hover'
        onClick={onToggle}
      >
        <Text className='cf__mark cf__mark--box' aria-hidden='true'>
          {checked ? '✓' : ''}
        </Text>
        <Text className='cf__text'>{text}</Text>
      </View>
    </FormField>
  )
}
