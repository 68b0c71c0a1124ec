/**
 * What TypeScript sees; the build takes `Scanner.weapp.tsx` (the camera, Taro.scanCode) or
 * `Scanner.h5.tsx` (a photo decoded with jsQR), so jsQR never reaches the mini-program package.
 */
export interface ScannerProps {
  /** the text of a QR that was read */
  onToken: (token: string) => void
  /** a message for the staff member when nothing could be read */
  onFailure: (message: string) => void
  busy: boolean
}

export function Scanner(_props: ScannerProps) {
  return null
}
