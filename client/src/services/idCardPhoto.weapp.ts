/** Mini-program: Taro.chooseMedia (camera or album), Taro.compressImage until the photo fits. */
import Taro from '@tarojs/taro'
import { MAX_ID_CARD_IMAGE_BASE64 } from '@shared/id-card-ocr'

/** Widths tried, each at falling qualities, until the picture fits. */
const WIDTHS = [1000, 800, 640]
const QUALITIES = [70, 55, 40]

function readBase64(path: string): string {
  return Taro.getFileSystemManager().readFileSync(path, 'base64') as string
}

export async function pickIdCardPhoto(): Promise<string | null> {
  let path: string
  try {
    const picked = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'], camera: 'back' })
    path = picked.tempFiles[0]?.tempFilePath ?? ''
  } catch (err) {
    const msg = String((err as { errMsg?: string })?.errMsg ?? '')
    if (msg.includes('cancel')) return null
    throw new Error(msg.includes('auth') ? '没有相机或相册权限，请在设置中允许后再试，或手动填写' : '没能打开相机或相册，请手动填写')
  }
  if (!path) return null
  const first = readBase64(path)
  if (first.length <= MAX_ID_CARD_IMAGE_BASE64) return first
  for (const compressedWidth of WIDTHS) {
    for (const quality of QUALITIES) {
      const out = await Taro.compressImage({ src: path, quality, compressedWidth })
      const base64 = readBase64(out.tempFilePath)
      if (base64.length <= MAX_ID_CARD_IMAGE_BASE64) return base64
    }
  }
  throw new Error('照片太大了，请靠近一些只拍身份证，或手动填写')
}
