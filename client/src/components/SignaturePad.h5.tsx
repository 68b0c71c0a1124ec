/**
 * H5 signature pad: a DOM <canvas> (Taro's H5 Canvas hides its element) with pointer events, so
 * finger, pen and mouse all write. Each stroke's end exports the PNG, so the draft always holds
 * the signature as it looks now.
 */
import { useEffect, useRef, useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import { INK, MAX_SIGNATURE, PAD_HEIGHT_PX, TOO_LARGE_MESSAGE, type SignaturePadProps } from './SignaturePad.types'
import './components.css'

export function SignaturePad({ value, onChange }: SignaturePadProps) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null)
  const last = useRef<{ x: number; y: number } | null>(null)
  // A restored signature is shown as a picture; writing again starts on a blank pad.
  const [live, setLive] = useState(!value)
  const [problem, setProblem] = useState('')

  useEffect(() => {
    const canvas = canvasRef.current
    if (!live || !canvas) return
    const rect = canvas.getBoundingClientRect()
    // At most 2 canvas pixels per CSS pixel: sharp enough to read, small enough for the 48 KB limit.
    const scale = Math.min(window.devicePixelRatio || 1, 2)
    canvas.width = Math.round(rect.width * scale)
    canvas.height = Math.round(rect.height * scale)
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    ctx.scale(scale, scale)
    ctx.lineCap = 'round'
    ctx.lineJoin = 'round'
    ctx.lineWidth = INK.width
    ctx.strokeStyle = INK.color
  }, [live])

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect()
    return { x: e.clientX - r.left, y: e.clientY - r.top }
  }

  const exportPng = () => {
    const canvas = canvasRef.current
    if (!canvas) return
    let url = canvas.toDataURL('image/png')
    // Too big (a very dense signature on a high-density screen): halve the picture until it fits.
    let w = canvas.width
    let h = canvas.height
    while (url.length > MAX_SIGNATURE && w > 120) {
      w = Math.round(w / 2)
      h = Math.round(h / 2)
      const small = document.createElement('canvas')
      small.width = w
      small.height = h
      small.getContext('2d')?.drawImage(canvas, 0, 0, w, h)
      url = small.toDataURL('image/png')
    }
    if (url.length > MAX_SIGNATURE) {
      setProblem(TOO_LARGE_MESSAGE)
      return
    }
    setProblem('')
    onChange(url)
  }

  const clear = () => {
    const canvas = canvasRef.current
    if (canvas) canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height)
    setProblem('')
    onChange('')
  }

  if (!live && value) {
    return (
      <View className='sig'>
        <Image id='signature-image' className='sig__image' src={value} mode='aspectFit' aria-label='您的手写签名' />
        <View id='signature-redo' className='sig__action' role='button' onClick={() => { onChange(''); setLive(true) }}>
          重签
        </View>
      </View>
    )
  }

  return (
    <View className='sig'>
      <canvas
        id='signature-pad'
        ref={canvasRef}
        className='sig__canvas'
        style={{ height: `${PAD_HEIGHT_PX}px` }}
        role='img'
        aria-label='手写签名区域：用手指在框内写下您的姓名'
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture?.(e.pointerId)
          last.current = point(e)
          const ctx = e.currentTarget.getContext('2d')
          // a tap leaves a dot
          if (ctx) {
            ctx.beginPath()
            ctx.arc(last.current.x, last.current.y, INK.width / 2, 0, Math.PI * 2)
            ctx.fillStyle = INK.color
            ctx.fill()
          }
        }}
        onPointerMove={(e) => {
          if (!last.current) return
          const p = point(e)
          const ctx = e.currentTarget.getContext('2d')
          if (!ctx) return
          ctx.beginPath()
          ctx.moveTo(last.current.x, last.current.y)
          ctx.lineTo(p.x, p.y)
          ctx.stroke()
          last.current = p
        }}
        onPointerUp={() => {
          if (!last.current) return
          last.current = null
          exportPng()
        }}
        onPointerCancel={() => {
          if (!last.current) return
          last.current = null
          exportPng()
        }}
      />
      {problem ? <View className='sig__problem' role='alert'>{problem}</View> : null}
      <View className='sig__row'>
        <Text className='sig__state'>{value ? '✓ 已签名' : '尚未签名'}</Text>
        <View id='signature-clear' className='sig__action' role='button' onClick={clear}>
          清除
        </View>
      </View>
    </View>
  )
}
