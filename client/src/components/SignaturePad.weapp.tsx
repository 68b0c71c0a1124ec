/**
 * Mini-program signature pad: a canvas 2d node (base library ≥ 2.9). Touch points on a canvas
 * come relative to it (`touches[i].x/y`). Each stroke's end exports the PNG, so the draft always
 * holds the signature as it looks now.
 */
import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Image, Canvas } from '@tarojs/components'
import { INK, MAX_SIGNATURE, PAD_HEIGHT_PX, TOO_LARGE_MESSAGE, type SignaturePadProps } from './SignaturePad.types'
import './components.css'

type Node2d = {
  width: number
  height: number
  getContext(kind: '2d'): {
    scale(x: number, y: number): void
    beginPath(): void
    moveTo(x: number, y: number): void
    lineTo(x: number, y: number): void
    arc(x: number, y: number, r: number, a: number, b: number): void
    stroke(): void
    fill(): void
    clearRect(x: number, y: number, w: number, h: number): void
    lineCap: string
    lineJoin: string
    lineWidth: number
    strokeStyle: string
    fillStyle: string
  }
  toDataURL?: (type: string) => string
}

type TouchPoint = { x: number; y: number }

export function SignaturePad({ value, onChange }: SignaturePadProps) {
  const node = useRef<{ canvas: Node2d; w: number; h: number } | null>(null)
  const last = useRef<TouchPoint | null>(null)
  const [live, setLive] = useState(!value)
  const [problem, setProblem] = useState('')

  useEffect(() => {
    if (!live) return
    Taro.nextTick(() => {
      Taro.createSelectorQuery()
        .select('#signature-pad')
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: Node2d; width: number; height: number } | null>) => {
          const r = res?.[0]
          if (!r?.node) return
          const canvas = r.node
          const dpr = Math.min(Taro.getSystemInfoSync().pixelRatio || 1, 2)
          canvas.width = Math.round(r.width * dpr)
          canvas.height = Math.round(r.height * dpr)
          const ctx = canvas.getContext('2d')
          ctx.scale(dpr, dpr)
          ctx.lineCap = 'round'
          ctx.lineJoin = 'round'
          ctx.lineWidth = INK.width
          ctx.strokeStyle = INK.color
          ctx.fillStyle = INK.color
          node.current = { canvas, w: r.width, h: r.height }
        })
    })
  }, [live])

  const at = (e: { touches?: TouchPoint[]; changedTouches?: TouchPoint[] }): TouchPoint | null => {
    const t = e.touches?.[0] ?? e.changedTouches?.[0]
    return t ? { x: t.x, y: t.y } : null
  }

  const exportPng = async () => {
    const n = node.current
    if (!n) return
    let url = ''
    try {
      url = n.canvas.toDataURL ? n.canvas.toDataURL('image/png') : ''
    } catch {
      url = ''
    }
    if (!url || url.length > MAX_SIGNATURE) {
      // Older base libraries have no toDataURL, and a dense signature may be too big at full
      // density: write a smaller picture and read it back as base64.
      try {
        const file = await Taro.canvasToTempFilePath({ canvas: n.canvas, destWidth: n.w, destHeight: n.h, fileType: 'png' } as unknown as Taro.canvasToTempFilePath.Option)
        const b64 = Taro.getFileSystemManager().readFileSync(file.tempFilePath, 'base64') as string
        url = `data:image/png;base64,${b64}`
      } catch {
        url = ''
      }
    }
    if (!url || url.length > MAX_SIGNATURE) {
      setProblem(TOO_LARGE_MESSAGE)
      return
    }
    setProblem('')
    onChange(url)
  }

  const clear = () => {
    const n = node.current
    if (n) n.canvas.getContext('2d').clearRect(0, 0, n.w, n.h)
    setProblem('')
    onChange('')
  }

  if (!live && value) {
    return (
      <View className='sig'>
        <Image id='signature-image' className='sig__image' src={value} mode='aspectFit' />
        <View id='signature-redo' className='sig__action' onClick={() => { onChange(''); setLive(true) }}>
          重签
        </View>
      </View>
    )
  }

  return (
    <View className='sig'>
      <Canvas
        type='2d'
        id='signature-pad'
        className='sig__canvas'
        style={{ height: `${PAD_HEIGHT_PX}px` }}
        disableScroll
        onTouchStart={(e) => {
          const p = at(e as unknown as { touches: TouchPoint[] })
          const n = node.current
          if (!p || !n) return
          last.current = p
          const ctx = n.canvas.getContext('2d')
          ctx.beginPath()
          ctx.arc(p.x, p.y, INK.width / 2, 0, Math.PI * 2)
          ctx.fill()
        }}
        onTouchMove={(e) => {
          const p = at(e as unknown as { touches: TouchPoint[] })
          const n = node.current
          if (!p || !n || !last.current) return
          const ctx = n.canvas.getContext('2d')
          ctx.beginPath()
          ctx.moveTo(last.current.x, last.current.y)
          ctx.lineTo(p.x, p.y)
          ctx.stroke()
          last.current = p
        }}
        onTouchEnd={() => {
          if (!last.current) return
          last.current = null
          void exportPng()
        }}
        onTouchCancel={() => {
          if (!last.current) return
          last.current = null
          void exportPng()
        }}
      />
      {problem ? <Text className='sig__problem'>{problem}</Text> : null}
      <View className='sig__row'>
        <Text className='sig__state'>{value ? '✓ 已签名' : '尚未签名'}</Text>
        <View id='signature-clear' className='sig__action' onClick={clear}>
          清除
        </View>
      </View>
    </View>
  )
}
