import { MAX_SIGNATURE_CHARS } from '@shared/commitment'

export interface SignaturePadProps {
  /** PNG data URL of the signature, '' when none */
  value: string
  /** after each stroke: the signature as it looks now; after 清除 or 重签: '' */
  onChange: (dataUrl: string) => void
}

/** The shared schema's limit (48 KB on the data URL as sent). */
export const MAX_SIGNATURE = MAX_SIGNATURE_CHARS

/** Ink: dark and thick enough to read back on a small screen; the background stays transparent (smaller PNG). */
export const INK = { color: '#1f2329', width: 3 }

/** CSS height of the writing area; the width is the card's. */
export const PAD_HEIGHT_PX = 160

export const TOO_LARGE_MESSAGE = '签名图片过大，请点“清除”后写得简单一些'
