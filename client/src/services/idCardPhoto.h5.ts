/** H5: a file input (the phone offers its camera) and a canvas that shrinks the photo to fit. */
import { MAX_ID_CARD_IMAGE_BASE64 } from '@shared/id-card-ocr'

/** The person's choice of file, or null when they close the chooser. */
function chooseFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = 'image/*'
    input.setAttribute('capture', 'environment')
    input.style.display = 'none'
    input.setAttribute('data-testid', 'idcard-file')
    const done = (f: File | null) => {
      input.remove()
      resolve(f)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null))
    input.addEventListener('cancel', () => done(null))
    document.body.appendChild(input)
    input.click()
  })
}

function loadImage(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(file)
    const img = new Image()
    img.onload = () => {
      URL.revokeObjectURL(url)
      resolve(img)
    }
    img.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('这张图片打不开，请拍摄或选择一张 JPG 或 PNG 格式的身份证照片'))
    }
    img.src = url
  })
}

/** Widths tried, each at falling JPEG qualities, until the picture fits. */
const WIDTHS = [1000, 800, 640]
const QUALITIES = [0.7, 0.55, 0.4]

/** The file as it is, in base64, when it is a picture the service reads and already small enough. */
function asIs(file: File): Promise<string | null> {
  if (!['image/jpeg', 'image/png', 'image/bmp'].includes(file.type) || file.size > (MAX_ID_CARD_IMAGE_BASE64 / 4) * 3) return Promise.resolve(null)
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result ?? '').split(',')[1] || null)
    reader.onerror = () => resolve(null)
    reader.readAsDataURL(file)
  })
}

export async function pickIdCardPhoto(): Promise<string | null> {
  const file = await chooseFile()
  if (!file) return null
  // small enough already: sent untouched (no second loss of sharpness)
  const untouched = await asIs(file)
  if (untouched && untouched.length <= MAX_ID_CARD_IMAGE_BASE64) return untouched
  const img = await loadImage(file)
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('当前浏览器不能处理照片，请手动填写')
  for (const width of WIDTHS) {
    const scale = Math.min(1, width / Math.max(img.naturalWidth, img.naturalHeight))
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    for (const q of QUALITIES) {
      const base64 = canvas.toDataURL('image/jpeg', q).split(',')[1] ?? ''
      if (base64.length > 0 && base64.length <= MAX_ID_CARD_IMAGE_BASE64) return base64
    }
  }
  throw new Error('照片太大了，请靠近一些只拍身份证，或手动填写')
}
