/** The card a page shows while its first query runs: announced to screen readers, no layout jump later. */
import { View, Text } from '@tarojs/components'

export function Querying({ id, className }: { id?: string; /** the text's class (the page's lead style) */ className?: string }) {
  return (
    <View id={id} className='card' role='status' aria-live='polite'>
      <Text className={className}>正在查询，请稍候…</Text>
    </View>
  )
}
