/**
 * 拍照识别身份证 (issue 17 "No retyping where a library does it"): what the page and the cloud agree on —
 * the largest picture sent, and what a reading answers (`recognizeIdCard`, cloudfunctions/core/
 * handlers/recognizeIdCard.handler.ts). The page shrinks the photo to fit before sending it.
 */

/**
 * Largest picture `recognizeIdCard` takes, decoded: what fits the local gateway's 64 KB request body
 * once in base64. An ID card photographed at 1000 px wide and saved as JPEG at quality 0.6 to 0.4 fits
 * and reads well; Tencent's IDCardOCR itself takes up to 10 MB.
 */
export const MAX_ID_CARD_IMAGE_BYTES = 44 * 1024;
/** The same limit in base64 characters (4 for every 3 bytes). */
export const MAX_ID_CARD_IMAGE_BASE64 = Math.ceil(MAX_ID_CARD_IMAGE_BYTES / 3) * 4;

/** What `recognizeIdCard` answers: shown in the form for the person to check, never submitted by itself. */
export interface IdCardReading {
  name: string;
  idNumber: string;
  /** the 住址 as printed */
  addressText: string;
  /** as the form's 户籍地址: the county the printed address names (when it names one) and the rest */
  address: { regionCode?: string; detail: string };
  /** what the page says above the filled fields (请核对识别结果…) */
  notice: string;
  /** 'local': read by the local simulation (本地模式) */
  mode: 'tencent' | 'local';
}
