import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { wrapId, fieldKey } from './ids'
import './components.css'

/** One field to fix. */
export interface SummaryItem {
  /** the field's path: the entry scrolls to its block (`wrap-…`) */
  path: string
  /** the field's label as shown on the form */
  label: string
  /** the field's Chinese error, as under the field */
  message: string
}

/**
 * Shown at the top after a failed submit: how many things to fix, each one tappable to
 * scroll to its field (a long form on a small phone hides most errors below the fold).
 */
export function ErrorSummary({ items }: { /** every field error of the failed submit, in form order; none = nothing shown */ items: SummaryItem[] }) {
  if (items.length === 0) return null
  return (
    <View id='error-summary' className='es' role='alert' aria-live='assertive'>
      <View className='es__title'>
        <Text className='notice__icon' aria-hidden='true'>
          !
        </Text>
        <Text>还有 {items.length} 处需要修改，点击下面的条目可以跳到对应位置：</Text>
      </View>
      {items.map((it) => (
        <View
          key={it.path}
          id={`summary-${fieldKey(it.path)}`}
          className='es__item'
          role='link'
          hoverClass='es__item--hover'
          onClick={() => Taro.pageScrollTo({ selector: `#${wrapId(it.path)}`, duration: 200, offsetTop: -12 })}
        >
          <Text className='es__label'>{it.label}：</Text>
          <Text>{it.message}</Text>
        </View>
      ))}
    </View>
  )
}
