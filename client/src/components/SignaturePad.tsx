/**
 * The handwritten signature (optional; the commitment's `signature`, shared/commitment.ts). Taro picks
 * `SignaturePad.weapp.tsx` (canvas 2d) or `SignaturePad.h5.tsx` (a DOM canvas) at build time;
 * this file is what TypeScript sees and what any other platform would get.
 */
import { View, Text } from '@tarojs/components'
import type { SignaturePadProps } from './SignaturePad.types'

export function SignaturePad(_props: SignaturePadProps) {
  return (
    <View className='sig'>
      <Text className='sig__note'>当前环境不支持手写签名，勾选承诺即可提交。</Text>
    </View>
  )
}
