/**
 * `recognizeIdCard {imageBase64}` (issue 17 "No retyping where a library does it"): a photo of the
 * 人像面 of a 居民身份证 read into 姓名, 证件号码 and 住址 for the form, which shows them for the person to
 * check (请核对识别结果) — nothing is filled in behind their back and nothing is submitted here.
 *
 * The picture is decoded, handed to the OCR port (core/id-card-ocr.ts) and dropped: it is not stored,
 * not logged, not in the audit; the log line says only whether it was read and why not. A person needs
 * a few tries; each costs a call to the service, so each WeChat account has OCR_PER_HOUR an hour.
 */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { ids, type RateCounter } from '../collections';
import type { Deps } from '../deps';
import { MAX_ID_CARD_IMAGE_BASE64, MAX_ID_CARD_IMAGE_BYTES, type IdCardReading } from '@shared/id-card-ocr';
import { ID_CARD_OCR_MESSAGES, addressFromText } from '../id-card-ocr';
import { defineParsed } from './handler';

/** Readings per WeChat account per hour. */
export const OCR_PER_HOUR = 20;

const NEED_PHOTO = '请拍摄或选择身份证人像面的照片';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The picture's bytes, or the message for the field. A `data:image/…;base64,` prefix is allowed. */
function pictureOf(raw: unknown): Buffer | string {
  if (typeof raw !== 'string' || raw.length === 0) return NEED_PHOTO;
  const text = raw.replace(/^data:image\/[a-z]+;base64,/i, '');
  // refused by length before any decoding: base64 is 4 characters for every 3 bytes
  if (text.length > MAX_ID_CARD_IMAGE_BASE64) return ID_CARD_OCR_MESSAGES.too_large;
  if (text.length % 4 !== 0 || !BASE64.test(text)) return ID_CARD_OCR_MESSAGES.not_image;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length > MAX_ID_CARD_IMAGE_BYTES) return ID_CARD_OCR_MESSAGES.too_large;
  return bytes;
}

async function withinLimit(deps: Deps, openid: string, now: number): Promise<boolean> {
  const id = ids.rateLimit('idCardOcr', openid, Math.floor(now / 3_600_000));
  return deps.store.transaction(async (tx) => {
    const c = await tx.get<RateCounter>('counters', id);
    const n = c?.n ?? 0;
    if (n >= OCR_PER_HOUR) return false;
    await tx.put('counters', id, { n: n + 1, openid, at: now } satisfies RateCounter);
    return true;
  });
}

export const recognizeIdCard = defineParsed((input, deps) => {
  const openid = deps.caller.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const picture = pictureOf((input as { imageBase64?: unknown } | null)?.imageBase64);
  if (typeof picture === 'string') return fail('VALIDATION_FAILED', picture, { imageBase64: picture });
  return ok({ openid, picture });
}, async ({ openid, picture }, deps): Promise<Result<IdCardReading>> => {
  if (!deps.idCardOcr) return fail('UNAVAILABLE', ID_CARD_OCR_MESSAGES.unavailable);
  if (!(await withinLimit(deps, openid, deps.clock.now()))) {
    return fail('RATE_LIMITED', `识别次数过多：每个微信账号每小时最多识别 ${OCR_PER_HOUR} 次，请手动填写，或稍后再试`);
  }
  let answer;
  try {
    answer = await deps.idCardOcr.readFront(picture);
  } catch (err) {
    deps.log?.('idCardOcr.error', { error: err instanceof Error ? err.name : 'error' });
    answer = { ok: false as const, reason: 'unavailable' as const };
  }
  // whether it was read and why not — never the picture, a name or a number
  deps.log?.('idCardOcr.read', { mode: deps.idCardOcr.mode, ok: answer.ok, ...(answer.ok ? {} : { reason: answer.reason }) });
  if (!answer.ok) {
    const message = ID_CARD_OCR_MESSAGES[answer.reason];
    if (answer.reason === 'unavailable') return fail('UNAVAILABLE', message);
    return fail('VALIDATION_FAILED', message, { imageBase64: message });
  }
  const f = answer.value;
  const idNumber = f.idNumber.replace(/\s/g, '').toUpperCase();
  const address = addressFromText(f.address);
  return ok({
    name: f.name.replace(/\s/g, ''),
    idNumber,
    addressText: f.address,
    address,
    notice: `请核对识别结果：姓名、证件号码和户籍地址已按照片填好，与证件不一致的请直接修改${address.regionCode ? '' : '；住址的省市区没能认出，请选择'}。`,
    mode: deps.idCardOcr.mode,
  });
});
