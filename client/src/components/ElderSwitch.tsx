/**
 * The 长辈模式 switch (home and 设置): one large row that says what it does and whether it is on,
 * in words (已开启 / 已关闭) as well as the knob's position and colour.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { elderUnchosen, setElder, useElder } from '../services/elder'
import { Button } from './Button'
import './components.css'

export function ElderSwitch({ id = 'elder-switch' }: { /** default `elder-switch` */ id?: string }) {
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

/**
 * The first-run offer (issue 17: the switch sat below the fold): at the top of home until the person
 * has chosen either way. When WeChat's own font size already asks for it, 长辈模式 is on and this
 * says so, with the way back.
 */
export function ElderOffer() {
  const on = useElder()
  const [shown, setShown] = useState(elderUnchosen)
  if (!shown) return null
  const choose = (value: boolean) => {
    setElder(value)
    setShown(false)
  }
  return (
    <View id='elder-offer' className='card elof' role='region' aria-label='长辈模式'>
      <Text className='elof__title'>{on ? '已按您微信的字体大小打开长辈模式' : '字太小、看不清？'}</Text>
      <Text className='elof__text'>{on ? '字更大，按钮更大，每步填得更少。不需要的话可以关掉。' : '打开长辈模式：字更大，按钮更大，每步填得更少。以后也可以在“设置”里开关。'}</Text>
      <Button id='elder-offer-yes' onClick={() => choose(true)}>
        {on ? '好的，就用长辈模式' : '打开长辈模式'}
      </Button>
      <Button id='elder-offer-no' variant='secondary' onClick={() => choose(false)}>
        {on ? '关掉，用普通模式' : '不用了'}
      </Button>
    </View>
  )
}
