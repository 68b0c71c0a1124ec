/** The way on when the face check cannot pass: the counter route (packageForms/counter). */
import Taro from '@tarojs/taro'
import { Button } from './Button'

export function CounterLink() {
  return (
    <Button id='counter-open' variant='secondary' onClick={() => void Taro.navigateTo({ url: '/packageForms/counter/index' })}>
      到窗口核验身份
    </Button>
  )
}
