/**
 * Sharing the electronic 《就业创业证》 by the holder's consent (docs/api.md `createShareCode`,
 * `viewSharedCertificate`): an employer or another office checks it with a short code, no staff
 * account. The certificate is "享受就业政策、接受就业公共服务的基本载体和有效凭证" (大人社规发〔2025〕2号 一(一)):
 * each purpose shows what that use needs and nothing more (个人信息保护法 第六条: 最小范围), and the holder
 * chooses whether the name shows in full.
 *
 * Pure: the client renders the purposes and what each shows from here; the cloud applies them.
 */

/** What a share can show. `valid` always; the rest by purpose. */
export type ShareField = 'holderName' | 'registration' | 'certificateNo' | 'identifier' | 'issuingRegion';

export interface SharePurpose {
  label: string;
  /** what the verifier reads, in this order */
  fields: readonly ShareField[];
  /** for the holder choosing: what the purpose shows, in plain words */
  shows: string;
}

export const SHARE_PURPOSES = {
  // an employer: is the certificate genuine, and is the person registered (失业 / 灵活就业) and since when
  job: { label: '求职应聘', fields: ['holderName', 'registration'], shows: '证件是否有效、姓名、登记状态及起始日期' },
  // 享受就业政策 (大人社规发〔2025〕2号 一(一)): the office or employer applying needs the number to cite
  policy: { label: '政策申领', fields: ['holderName', 'registration', 'certificateNo', 'identifier'], shows: '证件是否有效、姓名、登记状态及起始日期、证号和电子证照标识' },
  // 接受就业公共服务 at another office (the certificate is used nationwide): also the issuing county
  service: { label: '异地办理就业服务', fields: ['holderName', 'registration', 'certificateNo', 'identifier', 'issuingRegion'], shows: '证件是否有效、姓名、登记状态及起始日期、证号、电子证照标识和发证地' },
} as const satisfies Record<string, SharePurpose>;

export type SharePurposeCode = keyof typeof SHARE_PURPOSES;

export const SHARE_PURPOSE_CODES = Object.keys(SHARE_PURPOSES) as SharePurposeCode[];

export function isSharePurpose(v: unknown): v is SharePurposeCode {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(SHARE_PURPOSES, v);
}

/** How long a share lives, in hours: 1 to 72, 24 unless the holder chooses. */
export const SHARE_HOURS = { min: 1, max: 72, default: 24 } as const;

/**
 * 8 characters of 32 that are never misread: no 0/O, no 1/I (said over a phone, typed from a screen).
 * 32⁸ ≈ 1.1 × 10¹² codes; with the per-caller limit a guesser tries a few thousand a day.
 */
export const SHARE_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const SHARE_CODE_LENGTH = 8;

/** What a person types (`abcd-efgh`, spaces, lower case) → the code, or null when it cannot be one. */
export function normalizeShareCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 32) return null;
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== SHARE_CODE_LENGTH) return null;
  for (const ch of code) if (!SHARE_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** ABCDEFGH → ABCD-EFGH, to read aloud and type. */
export function formatShareCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Views of one code per clock hour: an employer looks a few times; more is someone guessing or copying. */
export const SHARE_VIEWS_PER_CODE_PER_HOUR = 20;
/** Codes tried per caller (network address, or WeChat account) per clock minute. */
export const SHARE_VIEWS_PER_CALLER_PER_MINUTE = 10;

/** The one answer for a code that is wrong, expired, revoked or never existed (no oracle). */
export const SHARE_CODE_INVALID = '分享码无效或已失效，请向持证人索取新的分享码';
