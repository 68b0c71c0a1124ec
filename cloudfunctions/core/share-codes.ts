/**
 * Share codes: the holder lets an employer or another office check the electronic 《就业创业证》 with a
 * short code, for one purpose and a few hours (docs/api.md `createShareCode`, `listShareCodes`,
 * `revokeShareCode`, `viewSharedCertificate`; shared/share.ts for the purposes and what each shows).
 * The certificate is "享受就业政策、接受就业公共服务的基本载体和有效凭证" (大人社规发〔2025〕2号 一(一)); sharing it
 * is the holder's act and consent (个人信息保护法 第十三条, 第二十三条: 向其他个人信息处理者提供 needs the person's
 * separate consent, naming the purpose), so:
 * - only the holder (an openid bound to the person, never a delegate) creates a code, choosing the
 *   purpose, the time (1–72 h) and whether the name shows in full;
 * - the verifier needs no account: `viewSharedCertificate` is public, and shows that purpose's fields;
 * - every view is recorded and told to the holder (第四十四条: the right to know); the holder revokes at
 *   any time; a 补发 voids the codes of the old version, as it voids its QR codes (大人社规发〔2025〕2号 一(四));
 * - a wrong, expired, revoked or never-issued code gets one answer, byte for byte (no oracle), and
 *   guessing is slowed per code and per caller (429).
 *
 * Codes are never stored. A share keeps a random nonce; its code is a keyed hash of the nonce
 * (`deps.personKey`, the deployment's HMAC secret), and the share is found by a second keyed hash of
 * the code — so the same requestId answers with the same code, the holder can show it again, and a
 * copy of the database without the secret neither reveals a code nor lets one be tested offline.
 */
import { beijingIso } from '@shared/dates';
import { SHARE_CODE_ALPHABET, SHARE_CODE_LENGTH, SHARE_PURPOSES, formatShareCode, type SharePurposeCode } from '@shared/share';
import { ids, readRecord } from './collections';
import type { Deps } from './deps';
import type { CertificateRecord } from './records';
// the answers are the contract's (shared/answers.ts); re-exported for the server's importers
import type { ShareCodeView, SharedCertificateView } from '@shared/answers';
export type { ShareCodeView, SharedCertificateView };
import { boundPersonKeys } from './person-access';

/** New codes per holder account per Beijing day: plenty for job hunting, not a way to flood. */
export const SHARE_CODES_PER_DAY = 20;

export interface ShareRecord {
  [key: string]: unknown;
  kind: 'share';
  shareId: string;
  nonce: string;
  personKey: string;
  ownerOpenid: string;
  certificateNo: string;
  /** the certificate version shared: a 补发 voids the share */
  version: number;
  purpose: SharePurposeCode;
  showFullName: boolean;
  requestId: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  views: number;
  lastViewedAt: number | null;
}



/** The code of a share: 40 bits of a keyed hash of its random nonce, in the unambiguous alphabet. */
export function codeOf(deps: Deps, nonce: string): string {
  const bits = BigInt(`0x${deps.personKey(`share-code:${nonce}`).slice(0, 10)}`);
  let code = '';
  for (let i = SHARE_CODE_LENGTH - 1; i >= 0; i--) code += SHARE_CODE_ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return code;
}

/** Where a share is kept: a keyed hash of its code (the code itself is never stored). */
export const shareDocId = (deps: Deps, code: string) => ids.share(deps.personKey(`share-id:${code}`));

export const effectiveStatus = (s: ShareRecord, now: number): ShareCodeView['status'] => (s.revokedAt !== null ? 'revoked' : now >= s.expiresAt ? 'expired' : 'active');

export function holderView(deps: Deps, s: ShareRecord, now: number): ShareCodeView {
  const status = effectiveStatus(s, now);
  const code = status === 'active' ? codeOf(deps, s.nonce) : null;
  const p = SHARE_PURPOSES[s.purpose];
  return {
    shareId: s.shareId, ...(code ? { code, codeDisplay: formatShareCode(code) } : {}),
    purpose: s.purpose, purposeLabel: p.label, shows: p.shows, showFullName: s.showFullName, certificateNo: s.certificateNo,
    status, createdAt: beijingIso(s.createdAt), expiresAt: beijingIso(s.expiresAt), ...(s.revokedAt !== null ? { revokedAt: beijingIso(s.revokedAt) } : {}),
    views: s.views, ...(s.lastViewedAt !== null ? { lastViewedAt: beijingIso(s.lastViewedAt) } : {}),
  };
}

export function minuteText(at: number): string {
  const iso = beijingIso(at);
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;
}

export const NO_CERTIFICATE = '您还没有电子《就业创业证》，可先申领';

/** The caller's own certificate (bound, never as a delegate): the first, or the one named. */
export async function myCertificate(deps: Deps, certificateNo?: string): Promise<CertificateRecord | null> {
  for (const key of await boundPersonKeys(deps)) {
    const c = await readRecord(deps.store, 'certificates', key);
    if (c && (!certificateNo || c.certificateNo === certificateNo)) return c;
  }
  return null;
}
