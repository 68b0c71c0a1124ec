/**
 * ID-card OCR (issue 17 "No retyping where a library does it"): a photo of the 人像面 of a 居民身份证
 * fills 姓名, 公民身份号码 and 住址 in the forms, always shown to the person to check. The port the
 * handler calls (handlers/recognizeIdCard.handler.ts); production: Tencent Cloud OCR `IDCardOCR`
 * (adapters/idCardOcr.tencent.ts); local: a simulation that reads the outside-data file
 * (adapters/idCardOcr.local.ts). The image is neither stored nor logged by anyone here.
 *
 * Why a reading can fail, and what the person is told, live here once, for every adapter.
 */
import { MAX_ID_CARD_IMAGE_BYTES } from '@shared/id-card-ocr';
import { citiesOf, countiesOf, provinces, regionName } from '@shared/regions';

export { MAX_ID_CARD_IMAGE_BYTES };

/** What the 人像面 says. */
export interface IdCardFront {
  name: string;
  idNumber: string;
  /** 住址 as printed */
  address: string;
  /** 民族 as printed (汉, 蒙古…), when read */
  nation?: string;
}

export type IdCardOcrFailure =
  | 'too_large' // over the size the service takes
  | 'not_image' // the bytes are not a JPG / PNG / BMP picture
  | 'not_id_card' // no 居民身份证 in the picture
  | 'back_side' // the 国徽面
  | 'blurry' // too blurred to read
  | 'unreadable' // a card, but name or number could not be read
  | 'unknown_image' // local simulation: a picture the outside-data file does not know
  | 'unavailable'; // the service could not answer (network, account, quota)

export type IdCardOcrAnswer = { ok: true; value: IdCardFront } | { ok: false; reason: IdCardOcrFailure };

export interface IdCardOcrPort {
  /** `bytes`: the decoded picture; never kept after the call. */
  readFront(bytes: Buffer): Promise<IdCardOcrAnswer>;
  /** 'tencent' | 'local': said to the person only as "本地模式" where it matters */
  readonly mode: 'tencent' | 'local';
}

/** The picture formats IDCardOCR reads (PNG, JPG, JPEG, BMP), by their first bytes. */
export function isSupportedImage(bytes: Buffer): boolean {
  if (bytes.length < 8) return false;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return true; // JPEG
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return true; // PNG
  return bytes[0] === 0x42 && bytes[1] === 0x4d; // BMP
}

/** What the person reads for each failure: what happened and what to do. */
export const ID_CARD_OCR_MESSAGES: Readonly<Record<IdCardOcrFailure, string>> = {
  too_large: `照片太大了（超过 ${MAX_ID_CARD_IMAGE_BYTES / 1024} KB），请重新拍摄，或手动填写`,
  not_image: '这张图片打不开，请拍摄或选择一张 JPG 或 PNG 格式的身份证照片',
  not_id_card: '照片里没有找到居民身份证，请拍摄身份证有照片的一面（人像面），让证件占满大部分画面',
  back_side: '这是身份证的国徽面，请翻过来拍摄有照片的一面（人像面）',
  blurry: '照片不够清晰，请在光线充足处把身份证放平，对准后重新拍摄，避免反光和抖动',
  unreadable: '没能认出证件上的姓名或号码，请重新拍摄，或手动填写',
  unknown_image: '本地模式无法识别，请手动填写',
  unavailable: '身份证识别暂时不可用，请手动填写',
};

export interface AddressGuess {
  /** the county (区县) the printed address names, when it starts with a full region name */
  regionCode?: string;
  /** the rest of the address after the region names (or all of it when no region was recognised) */
  detail: string;
}

let countyNames: Array<{ code: string; name: string }> | null = null;

/** Every county's full name without spaces ('辽宁省大连市沙河口区', '北京市东城区'), longest first. */
function allCountyNames(): Array<{ code: string; name: string }> {
  if (countyNames) return countyNames;
  const out: Array<{ code: string; name: string }> = [];
  for (const p of provinces()) {
    for (const c of citiesOf(p.code)) {
      for (const k of countiesOf(c.code)) {
        const name = regionName(k.code)?.replace(/\s/g, '');
        if (name) out.push({ code: k.code, name });
      }
    }
  }
  countyNames = out.sort((a, b) => b.name.length - a.name.length);
  return countyNames;
}

/**
 * The printed 住址 as the form's address: the county it starts with (the card prints 省, 市 and 区 in
 * full) and the rest as 详细地址. An address that does not start with a full region name keeps all
 * of its text in `detail`, and the person picks the region.
 */
export function addressFromText(text: string): AddressGuess {
  const compact = text.replace(/\s/g, '');
  const hit = allCountyNames().find((k) => compact.startsWith(k.name));
  if (!hit) return { detail: compact };
  return { regionCode: hit.code, detail: compact.slice(hit.name.length) };
}
