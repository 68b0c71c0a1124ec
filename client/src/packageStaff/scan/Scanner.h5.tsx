import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { ScannerProps } from './Scanner'

/**
 * H5 has no scanner API: the staff member takes a photo of the code (or picks a screenshot) and
 * jsQR reads it here. jsQR is loaded only when a photo arrives, so the page opens fast.
 */
export function Scanner({ onToken, onFailure, busy }: ScannerProps) {
  const [reading, setReading] = useState(false)
  const onFile = async (file: File | undefined) => {
    if (!file) return
    setReading(true)
    try {
      const text = await decodeImageFile(file)
      if (text) onToken(text)
      else onFailure('没有从照片中识别到二维码，请让二维码完整、清晰地出现在照片中后重试')
    } catch {
      onFailure('无法读取这张图片，请重新拍照')
    } finally {
      setReading(false)
    }
  }
  return (
    <View className='scan__pick'>
      <label className={`scan__file btn btn--primary${busy || reading ? ' btn--inactive' : ''}`}>
        {reading ? '正在识别二维码…' : busy ? '正在核验…' : '拍照或选择二维码图片'}
        <input
          id='scan-file'
          className='scan__file-input'
          type='file'
          accept='image/*'
          capture='environment'
          aria-label='拍照或选择电子证二维码图片'
          onChange={(e) => {
            const input = e.currentTarget
            void onFile(input.files?.[0]).finally(() => {
              // the same photo chosen twice in a row must be read again
              input.value = ''
            })
          }}
        />
      </label>
      <Text className='staff__muted'>请拍下持证人手机上的二维码，或选择其截图。</Text>
    </View>
  )
}

async function decodeImageFile(file: File): Promise<string | null> {
  const { default: jsQR } = await import(/* webpackChunkName: "jsqr" */ 'jsqr')
  const url = URL.createObjectURL(file)
  try {
    const img = await new Promise<HTMLImageElement>((resolve, reject) => {
      const i = new Image()
      i.onload = () => resolve(i)
      i.onerror = reject
      i.src = url
    })
    const w0 = img.naturalWidth
    const h0 = img.naturalHeight
    // A phone photo is 12 megapixels: read a reduced copy first (fast), full size only if that fails.
    for (const max of [1200, 2400]) {
      const scale = Math.min(1, max / Math.max(w0, h0))
      const w = Math.max(1, Math.round(w0 * scale))
      const h = Math.max(1, Math.round(h0 * scale))
      const canvas = document.createElement('canvas')
      canvas.width = w
      canvas.height = h
      const ctx = canvas.getContext('2d', { willReadFrequently: true })
      if (!ctx) return null
      ctx.fillStyle = '#fff'
      ctx.fillRect(0, 0, w, h)
      ctx.drawImage(img, 0, 0, w, h)
      const code = jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' })
      if (code?.data) return code.data
      if (scale === 1) break
    }
    return null
  } finally {
    URL.revokeObjectURL(url)
  }
}
