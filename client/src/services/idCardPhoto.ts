/**
 * 拍照识别身份证: taking (or choosing) the photo of the 人像面 and shrinking it until it fits what
 * `recognizeIdCard` takes (shared/id-card-ocr.ts MAX_ID_CARD_IMAGE_BASE64). What TypeScript sees; the
 * build takes `idCardPhoto.weapp.ts` (Taro.chooseMedia, Taro.compressImage) or `idCardPhoto.h5.ts` (a
 * file input and a canvas). Resolves to the JPEG in base64, or null when the person cancelled; throws
 * an Error whose message is a Chinese sentence for the person. The photo stays in memory only.
 */
export async function pickIdCardPhoto(): Promise<string | null> {
  throw new Error('当前环境不能拍照，请手动填写')
}
