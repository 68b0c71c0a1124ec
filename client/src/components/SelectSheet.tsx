/**
 * Choose one entry of a list: a box that opens a sheet of radio rows over the page (issue 17
 * "Long choice lists"). Instead of the platform wheel: the wheel's 确定 records whatever sits under
 * its indicator (the first 失业原因, the current month) and its text is 12 px that 长辈模式 cannot
 * reach. Here nothing is chosen until the person taps a row; a long list (民族, 省) gets a search box;
 * every row is a full-width tap target in the app's own styles, so 长辈模式 scales it.
 * Ids: the box `<id>`, the rows `<id>-opt-<index in items>`, the search `<id>-search`, 取消 `<id>-cancel`.
 */
import { useMemo, useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import type { CodeItem } from '@shared/codes'
import './components.css'

/** Lists longer than this get a search box. */
const SEARCH_FROM = 15

export interface SelectSheetProps {
  /** the box's id; the rows, search and 取消 take ids from it (see above) */
  id: string
  /** what is chosen, e.g. 民族 (the sheet's heading and the box's accessible name) */
  label: string
  /** the rows, in order; the person reads `label`, `onChange` gets `code` */
  items: readonly CodeItem[]
  /** the chosen code, '' when none */
  value: string
  /** a row was tapped: its code (the sheet then closes) */
  onChange: (code: string) => void
  /** the sheet closed, chosen or not: the field counts as visited */
  onClose?: () => void
  /** the box's text while nothing is chosen (default 请选择) */
  placeholder?: string
  /** the field has an error: the box is drawn as such (the words are the field's, under it) */
  error?: boolean
  /** the box does not open (e.g. 市 before 省) */
  disabled?: boolean
  /** shown in the box when disabled, e.g. 请先选择省 */
  disabledText?: string
  /** id of the element describing the box (the field's error), for screen readers */
  describedBy?: string
  /** a narrow box (年 / 月 / 日 side by side) */
  compact?: boolean
  /** a search box over the list (default: lists longer than 15) */
  search?: boolean
}

export function SelectSheet(props: SelectSheetProps) {
  const { id, label, items, value, onChange, onClose, placeholder = '请选择', error, disabled, disabledText, describedBy, compact, search } = props
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const chosen = items.find((i) => i.code === value)
  const searchable = search ?? items.length > SEARCH_FROM
  const shown = useMemo(() => {
    const q = query.trim()
    return items.map((it, index) => ({ it, index })).filter(({ it }) => !q || it.label.includes(q))
  }, [items, query])
  const close = () => {
    setOpen(false)
    setQuery('')
    onClose?.()
  }
  const text = chosen ? chosen.label : disabled ? disabledText ?? '' : placeholder
  return (
    <View className={`ss${compact ? ' ss--compact' : ''}`}>
      <View
        id={id}
        className={`pf__box${error ? ' pf__box--error' : ''}${disabled ? ' pf__box--disabled' : ''}`}
        role='button'
        aria-label={`${label}：${chosen ? chosen.label : '未选择'}`}
        aria-haspopup='dialog'
        aria-expanded={open ? 'true' : 'false'}
        aria-disabled={disabled ? 'true' : 'false'}
        aria-describedby={describedBy}
        hoverClass={disabled ? 'none' : 'pf__box--hover'}
        onClick={() => {
          if (!disabled) setOpen(true)
        }}
      >
        <Text className={chosen ? 'pf__value' : 'pf__placeholder'}>{text}</Text>
        <Text className='pf__chevron' aria-hidden='true'>
          ›
        </Text>
      </View>
      {open ? (
        <View className='sheet' id={`${id}-sheet`} role='dialog' aria-modal='true' aria-label={`选择${label}`}>
          <View className='sheet__mask' aria-hidden='true' onClick={close} />
          <View className='sheet__panel'>
            <View className='sheet__head'>
              <Text className='sheet__title'>选择{label}</Text>
              <View id={`${id}-cancel`} className='sheet__cancel' role='button' hoverClass='sheet__cancel--hover' onClick={close}>
                取消
              </View>
            </View>
            {searchable ? (
              <Input
                id={`${id}-search`}
                className='tf__input sheet__search'
                value={query}
                placeholder='输入文字查找'
                placeholderClass='tf__placeholder'
                onInput={(e) => setQuery(e.detail.value)}
                nativeProps={process.env.TARO_ENV === 'h5' ? { 'aria-label': `查找${label}` } : undefined}
              />
            ) : null}
            <View className='sheet__list' role='radiogroup' aria-label={label}>
              {shown.length === 0 ? <Text className='sheet__empty'>没有找到“{query.trim()}”，请换个字试试</Text> : null}
              {shown.map(({ it, index }) => {
                const on = it.code === value
                return (
                  <View
                    key={it.code}
                    id={`${id}-opt-${index}`}
                    className={`cf__option sheet__option${on ? ' cf__option--on' : ''}`}
                    role='radio'
                    aria-checked={on ? 'true' : 'false'}
                    hoverClass='cf__option--hover'
                    onClick={() => {
                      onChange(it.code)
                      close()
                    }}
                  >
                    <Text className='cf__mark' aria-hidden='true'>
                      {on ? '✓' : ''}
                    </Text>
                    <Text className='cf__text'>{it.label}</Text>
                  </View>
                )
              })}
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}
