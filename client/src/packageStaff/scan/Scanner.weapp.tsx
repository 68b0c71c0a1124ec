import Taro from '@tarojs/taro'
import { Button } from '../../components'
import type { ScannerProps } from './Scanner'

/**
 * The camera only, through WeChat's own scanner: not an image from the album, so a saved screenshot
 * cannot be passed off as the holder showing the live code (it would fail anyway once its token has
 * expired: "二维码已过期，请持证人刷新").
 */
export function Scanner({ onToken, onFailure, busy }: ScannerProps) {
  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      if (res.result) onToken(res.result)
      else onFailure('没有识别到二维码，请对准电子证上的二维码重试')
    } catch (e) {
      // The staff member closed the scanner: not an error worth a message.
      if (/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? ''))) return
      onFailure('无法打开扫码，请检查是否允许使用摄像头')
    }
  }
  return (
    <Button id='scan-camera' loading={busy} loadingText='正在核验…' onClick={() => void scan()}>
      扫描电子证二维码
    </Button>
  )
}
