/**
 * The QR on an HTML canvas (H5), drawn from the module matrix in device pixels. `role="img"` and
 * a label: a screen reader says what it is; the token itself is never shown as text.
 */
import { useEffect, useMemo, useRef } from 'react'
import { drawQr, qrMatrix } from './qr'
import type { QrCodeProps } from './QrCode'

export function QrCode({ id, text, className, label, onTap }: QrCodeProps) {
  const matrix = useMemo(() => qrMatrix(text), [text])
  const ref = useRef<HTMLCanvasElement>(null)

  useEffect(() => {
    const canvas = ref.current
    if (!canvas) return
    const draw = () => {
      const css = Math.min(canvas.clientWidth, canvas.clientHeight) || 240
      const px = Math.round(css * Math.min(window.devicePixelRatio || 1, 3))
      if (canvas.width !== px) {
        canvas.width = px
        canvas.height = px
      }
      const ctx = canvas.getContext('2d')
      if (ctx) drawQr(ctx, matrix, px)
    }
    draw()
    // the full-screen square is sized by the viewport: redraw when it changes
    window.addEventListener('resize', draw)
    return () => window.removeEventListener('resize', draw)
  }, [matrix])

  return <canvas id={id} ref={ref} className={className} role='img' aria-label={label} data-modules={matrix.n} onClick={onTap} />
}
