/**
 * What TypeScript sees; the build takes `QrCode.weapp.tsx` (a `<Canvas type="2d">` node) or
 * `QrCode.h5.tsx` (an HTML canvas). Both draw the qrcode-generator matrix with `drawQr` (qr.ts).
 */
export interface QrCodeProps {
  /** element id (tests and the staff screenshot test find the code by it) */
  id: string
  /** what the QR encodes */
  text: string
  /** CSS class giving the square its size */
  className?: string
  /** what a screen reader says */
  label: string
  onTap?: () => void
}

export function QrCode(_props: QrCodeProps) {
  return null
}
