/**
 * The 长辈模式 switch (home and 设置): one large row that says what it does and whether it is on,
 * in words (已开启 / 已关闭) as well as the knob's position and colour.
 */
import { View, Text } from '@tarojs/components'
import { setElder, useElder } from '../services/elder'
import './components.css'

export function ElderSwitch({ id = 'elder-switch' }: { id?: string }) {
  const on = useElder()
  return (
    <View
      id={id}
      className={`elsw${on ? ' elsw--on' : ''}`}
      role='switch'
      aria-checked={on ? 'true' : 'false'}
      aria-label={`长辈模式，${on ? '已开启' : '已关闭'}：字更大，颜色更清楚，每步填得更少`}
      hoverClass='elsw--hover'
      onClick={() => setElder(!on)}
    >
      <View className='elsw__body' aria-hidden='true'>
        <Text className='elsw__title'>长辈模式</Text>
        <Text className='elsw__desc'>字更大，颜色更清楚，每步填得更少</Text>
      </View>
      <View className='elsw__track' aria-hidden='true'>
        <Text className='elsw__state'>{on ? '已开启' : '已关闭'}</Text>
        <View className='elsw__knob' />
      </View>
    </View>
  )
}
