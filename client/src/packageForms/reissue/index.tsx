/**
 * 补发 as a page of the forms subpackage: it needs the statement rules (zod), which the main package
 * does not carry (the 我的电子证 page opens this one).
 */
import Taro from '@tarojs/taro'
import { Screen } from '../../components/Screen'
import { Reissue } from './Reissue'

export default function ReissuePage() {
  return (
    <Screen className='page'>
      <Reissue startOpen onDone={() => setTimeout(() => void Taro.navigateBack(), 1500)} />
    </Screen>
  )
}
