/**
 * ID-card OCR through Tencent Cloud OCR `IDCardOCR` (API 2018-11-19, tencentcloud-sdk-nodejs-ocr):
 * the 人像面 only (CardSide FRONT), with the picture-quality score asked for (Config Quality: 0–100, the
 * lower the blurrier; Tencent's suggested threshold is 50). The picture goes as ImageBase64 and is not
 * kept anywhere; the answer's names and numbers are returned to the caller only, never logged.
 *
 * Configuration (environment of the function):
 *   TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY  API keys (shared with FaceID and SMS)
 *   OCR_REGION   API region, default ap-guangzhou
 * Missing keys: no port (the handler answers "暂时不可用，请手动填写").
 *
 * Error codes (IDCardOCR, 错误码) → the reasons of core/id-card-ocr.ts:
 *   FailedOperation.ImageNoIdCard, FailedOperation.IdCardTooSmall (card too small in the picture) → not_id_card
 *   FailedOperation.ImageBlur → blurry
 *   FailedOperation.ImageDecodeFailed, InvalidParameter.EngineImageDecodeFailed, FailedOperation.EmptyImageError → not_image
 *   FailedOperation.ImageSizeTooLarge, LimitExceeded.TooLargeFileError → too_large
 *   FailedOperation.IdCardInfoIllegal, FailedOperation.OcrFailed, FailedOperation.MultiCardError → unreadable
 *   anything else (ResourceUnavailable.InArrears, FailedOperation.UnOpenError, RequestLimitExceeded,
 *   InternalError, network) → unavailable
 * A 国徽面 read as FRONT has neither name nor number but an issuing authority → back_side.
 */
import * as tencentOcr from 'tencentcloud-sdk-nodejs-ocr';
import { isSupportedImage, type IdCardOcrAnswer, type IdCardOcrFailure, type IdCardOcrPort } from '../core/id-card-ocr';

export interface IdCardOcrConfig {
  secretId: string;
  secretKey: string;
  region?: string;
  timeoutSeconds?: number;
}

/** IDCardOCR's own limit: the picture at most 10 MB once in base64. */
export const TENCENT_MAX_BASE64 = 10 * 1024 * 1024;
/** Below this quality score a reading is refused as blurred (Tencent's suggested threshold). */
export const MIN_QUALITY = 50;

/** The part of the SDK client used here (a stand-in in tests). */
export interface IdCardOcrClient {
  IDCardOCR(req: { ImageBase64?: string; CardSide?: string; Config?: string }): Promise<{
    Name?: string; IdNum?: string; Address?: string; Nation?: string; Authority?: string; ValidDate?: string; AdvancedInfo?: string; RequestId?: string;
  }>;
}

export function idCardOcrConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IdCardOcrConfig | null {
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey } = env;
  if (!secretId || !secretKey) return null;
  return { secretId, secretKey, region: env.OCR_REGION };
}

export function realIdCardOcrClient(cfg: IdCardOcrConfig): IdCardOcrClient {
  const Client = tencentOcr.ocr.v20181119.Client;
  return new Client({
    credential: { secretId: cfg.secretId, secretKey: cfg.secretKey },
    region: cfg.region ?? 'ap-guangzhou',
    profile: { httpProfile: { reqTimeout: cfg.timeoutSeconds ?? 8 } },
  }) as unknown as IdCardOcrClient;
}

/** A Tencent Cloud error code (TencentCloudSDKHttpException `code`) → the reason the person is told. */
export function mapOcrError(code: string | undefined): IdCardOcrFailure {
  switch (code) {
    case 'FailedOperation.ImageNoIdCard':
    case 'FailedOperation.IdCardTooSmall':
      return 'not_id_card';
    case 'FailedOperation.ImageBlur':
      return 'blurry';
    case 'FailedOperation.ImageDecodeFailed':
    case 'InvalidParameter.EngineImageDecodeFailed':
    case 'FailedOperation.EmptyImageError':
      return 'not_image';
    case 'FailedOperation.ImageSizeTooLarge':
    case 'LimitExceeded.TooLargeFileError':
      return 'too_large';
    case 'FailedOperation.IdCardInfoIllegal':
    case 'FailedOperation.OcrFailed':
    case 'FailedOperation.MultiCardError':
      return 'unreadable';
    default:
      return 'unavailable';
  }
}

function qualityOf(advancedInfo: string | undefined): number | undefined {
  if (!advancedInfo) return undefined;
  try {
    const q = (JSON.parse(advancedInfo) as { Quality?: unknown }).Quality;
    return typeof q === 'number' ? q : undefined;
  } catch {
    return undefined;
  }
}

/** `log` gets the error code and request id only — never the picture, a name or a number. */
export function tencentIdCardOcr(cfg: IdCardOcrConfig, client?: IdCardOcrClient, log?: (event: string, fields: Record<string, unknown>) => void): IdCardOcrPort {
  const api = client ?? realIdCardOcrClient(cfg);
  return {
    mode: 'tencent',
    async readFront(bytes: Buffer): Promise<IdCardOcrAnswer> {
      if (!isSupportedImage(bytes)) return { ok: false, reason: 'not_image' };
      const base64 = bytes.toString('base64');
      if (base64.length > TENCENT_MAX_BASE64) return { ok: false, reason: 'too_large' };
      try {
        const res = await api.IDCardOCR({ ImageBase64: base64, CardSide: 'FRONT', Config: JSON.stringify({ Quality: true }) });
        const name = res.Name?.trim() ?? '';
        const idNumber = res.IdNum?.trim() ?? '';
        if (!name && !idNumber) return { ok: false, reason: res.Authority || res.ValidDate ? 'back_side' : 'unreadable' };
        const quality = qualityOf(res.AdvancedInfo);
        if (quality !== undefined && quality < MIN_QUALITY) return { ok: false, reason: 'blurry' };
        if (!name || !idNumber) return { ok: false, reason: 'unreadable' };
        return { ok: true, value: { name, idNumber, address: res.Address?.trim() ?? '', ...(res.Nation ? { nation: res.Nation.trim() } : {}) } };
      } catch (err) {
        const code = (err as { code?: unknown })?.code;
        const reason = mapOcrError(typeof code === 'string' ? code : undefined);
        log?.('idCardOcr.error', { code: typeof code === 'string' ? code : 'network', requestId: (err as { requestId?: unknown })?.requestId ?? null, reason });
        return { ok: false, reason };
      }
    },
  };
}
