/**
 * The QR on a mini-program canvas 2d node (base library ≥ 2.9), drawn from the module matrix:
 * an SVG data URL in `<Image>` is reported blank on real devices. The node is looked up once and
 * kept; a new code is drawn over the old one in one go, so the scanner never sees a blank frame.
 */
import { useEffect, useMemo, useRef } from 'react'
import Taro from '@tarojs/taro'
import { Canvas } from '@tarojs/components'
import { drawQr, qrMatrix, type Ctx2d } from './qr'
import type { QrCodeProps } from './QrCode'

type Node2d = { width: number; height: number; getContext(kind: '2d'): Ctx2d }

export function QrCode({ id, text, className, label, onTap }: QrCodeProps) {
  const matrix = useMemo(() => qrMatrix(text), [text])
  const node = useRef<{ canvas: Node2d; px: number } | null>(null)

  useEffect(() => {
    let gone = false
    const draw = () => {
      const n = node.current
      if (n) drawQr(n.canvas.getContext('2d'), matrix, n.px)
    }
    if (node.current) return draw()
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: Node2d; width: number; height: number } | null>) => {
          const r = res?.[0]
          if (gone || !r?.node) return
          const dpr = Math.min(Taro.getSystemInfoSync().pixelRatio || 1, 3)
          const px = Math.round(Math.min(r.width, r.height) * dpr)
          r.node.width = px
          r.node.height = px
          node.current = { canvas: r.node, px }
          draw()
        })
    })
    return () => {
      gone = true
    }
  }, [matrix, id])

  return <Canvas type='2d' id={id} className={className} aria-label={label} aria-role='img' data-modules={matrix.n} onClick={onTap} />
}
