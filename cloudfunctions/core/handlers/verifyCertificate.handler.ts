/**
 * The electronic 《就业创业证》 QR (docs/product.md flow 6): the citizen's page shows a code that
 * refreshes; staff scan it and know at once whether the certificate is genuine and current; a
 * screenshot goes stale in two minutes and a 补发 (大人社规发〔2025〕2号 一(四)) voids every older code at once.
 *
 * Offline half: the token (qr/token.port.ts) — a compact JWS any JOSE library checks with
 * `/.well-known/jwks.json`. Online half (here): the certificate's version and status, and the
 * registration status now.
 *
 * Verification is NOT region-scoped, unlike review and deregistration: a 《就业创业证》 is used
 * nationwide (大人社规发〔2025〕2号 一: 全国通用的就业创业证), and a holder shows it wherever they look for work
 * or services. Any staff member of role verifier or above may verify; every verification is audited
 * (who, what, when) and the holder gets a receipt, so a misuse is seen by the person it concerns.
 */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { certificateIdentifier } from '@shared/certificate-identifier';
import { beijingIso } from '@shared/dates';
import { maskName } from '@shared/mask';
import { findRecords, ids, readRecord, writeRecord, type RateCounter } from '../collections';
import type { Deps, StaffMember } from '../deps';
import { writeMessageInTx } from '../messages';
import type { TokenKeys } from '../qr/token.port';
import type { StoreTx } from '../store.port';
import { QR_UNAVAILABLE, VERIFY_LIMIT_PER_MINUTE } from '../certificate-qr';
import type { CertificateRecord } from '../records';
import { registrationStatusInTx } from '../registrations';
import type { VerifyReason, VerifyAnswer } from '@shared/answers';
import { defineParsed } from './handler';
export type { VerifyReason, VerifyAnswer };

/** What the staff member reads: short, plain, and what to do about it. */
export const VERIFY_REASON_TEXT: Record<VerifyReason, string> = {
  malformed: '不是有效的电子证二维码',
  bad_signature: '二维码验签失败，可能是伪造或被篡改的证件',
  unknown_key: '二维码签名密钥未知或已停用，可能是伪造的证件或很久以前的截图',
  // a screenshot older than the token's two minutes (qr/token.port.ts QR_TTL_SECONDS)
  expired: '二维码已过期，请持证人刷新',
  not_yet_valid: '二维码时间异常，请持证人校准手机时间后刷新重试',
  unknown_certificate: '未找到该证件',
  superseded: '该二维码已因补发作废',
  revoked: '证件已注销',
};

/**
 * The per-minute count (counters/rateLimit…): every verification a staff member asks for counts,
 * failures included — forged and harvested codes are what it is for. The committed count is read
 * before any work, so an account already at the limit is refused at once; the count that decides
 * is taken again (`countInTx`) inside the transaction that writes the audit entry and the
 * receipt, so counter, audit and receipt are one durable commit, not two.
 */
const rateLimitId = (staff: StaffMember, now: number) => ids.rateLimit('verifyCertificate', staff.openid, Math.floor(now / 60_000));

async function countInTx(tx: StoreTx, staff: StaffMember, now: number): Promise<boolean> {
  const id = rateLimitId(staff, now);
  const n = (await tx.get<RateCounter>('counters', id))?.n ?? 0;
  if (n >= VERIFY_LIMIT_PER_MINUTE) return false;
  await tx.put('counters', id, { n: n + 1, staffOpenid: staff.openid, at: now } satisfies RateCounter);
  return true;
}

function minuteText(at: number): string {
  const iso = beijingIso(at);
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;
}

/** The parse step: no signing keys or no staff member are refused before the input is looked at. */
function parseScan(input: unknown, deps: Deps): Result<{ keys: TokenKeys; staff: StaffMember; token: string }> {
  const keys = deps.qrKeys;
  if (!keys) return fail('UNAVAILABLE', QR_UNAVAILABLE);
  const staff = deps.caller.staff;
  if (!staff) return fail('FORBIDDEN', '只有经办人员可以核验电子证');
  const raw = (input as { token?: unknown } | null)?.token;
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 2048) {
    return fail('VALIDATION_FAILED', '请扫描电子证上的二维码', { token: '请扫描电子证上的二维码' });
  }
  return ok({ keys, staff, token: raw.trim() });
}

export const verifyCertificate = defineParsed(parseScan, async ({ keys, staff, token }, deps): Promise<Result<VerifyAnswer>> => {
  const now = deps.clock.now();
  const limited = (): Result<VerifyAnswer> => {
    deps.log?.('certificate.verify.limited', { staff: staff.openid });
    return fail('RATE_LIMITED', `核验过于频繁：每位工作人员每分钟最多核验 ${VERIFY_LIMIT_PER_MINUTE} 次，请稍后再试`);
  };
  // An account already at the limit is refused before any work (the deciding count is below).
  if (((await deps.store.get<RateCounter>('counters', rateLimitId(staff, now)))?.n ?? 0) >= VERIFY_LIMIT_PER_MINUTE) return limited();

  const verdict = await keys.verify(token, now);
  const validAsOf = beijingIso(now);
  let reason: VerifyReason | null = verdict.ok ? null : verdict.reason;
  // Claims are trusted only when the signature was ours (ok, or expired / not yet valid).
  const claims = verdict.ok ? verdict.claims : verdict.claims ?? null;
  // By number, not by person: the token names no person. (CloudBase: index certificates.certificateNo.)
  const cert: CertificateRecord | null = claims
    ? (await findRecords(deps.store, 'certificates', { certificateNo: claims.c }, { limit: 1 }))[0] ?? null
    : null;
  if (verdict.ok) {
    if (!cert) reason = 'unknown_certificate';
    // 大人社规发〔2025〕2号 一(四) 补发: the new version voids every code of the old one at once
    else if (claims!.v < cert.version || cert.status === 'superseded') reason = 'superseded';
    else if (claims!.v > cert.version) reason = 'unknown_certificate';
    else if (cert.status === 'revoked') reason = 'revoked';
  }

  const valid = reason === null && cert !== null;
  const registration = valid ? await registrationStatusInTx(deps.store, cert!.personKey) : undefined;
  const answer: VerifyAnswer = valid
    ? {
        valid: true, certificateNo: cert!.certificateNo, holderName: maskName(cert!.name), status: cert!.status,
        registrationStatus: registration!.status, ...(registration!.kind ? { registrationKind: registration!.kind } : {}),
        identifier: certificateIdentifier({ issuerCode: cert!.issuingRegion, serial: cert!.certificateNo, version: cert!.version }), validAsOf,
      }
    : {
        valid: false, reason: reason!, reasonText: VERIFY_REASON_TEXT[reason!],
        // the number only when we signed it: a forged code must not make us name a certificate
        ...(claims ? { certificateNo: claims.c } : {}),
        validAsOf,
      };

  // One transaction: the count, the audit entry and the holder's receipt are durable together
  // before the answer (the audit and the receipt are never lost once answered); over the limit,
  // nothing is written and the answer is withheld.
  const counted = await deps.store.transaction(async (tx) => {
    if (!(await countInTx(tx, staff, now))) return false;
    // Every staff read of a person is audited (docs/product.md "Privacy and security").
    await writeRecord(tx, 'audit', deps.newId(), {
      at: now, staffOpenid: staff.openid, staffName: staff.name, staffRegion: staff.region, action: 'verifyCertificate',
      result: valid ? 'valid' : reason, certificateNo: claims?.c ?? null, version: claims?.v ?? null,
      kid: verdict.ok ? verdict.kid : null, personKey: cert?.personKey ?? null,
    });
    if (!valid) return true;
    const app = await readRecord(tx, 'applications', cert!.applicationId);
    if (!app?.openid) return true;
    await writeMessageInTx(tx, {
      messageId: deps.newId(), openid: app.openid, personKey: cert!.personKey, event: 'certificate.verified',
      title: '电子证核验提醒',
      body: `您的电子《就业创业证》于 ${minuteText(now)} 被 ${staff.name} 核验。如非您本人出示，请在“我的电子证”中申请补发，原二维码将立即失效。`,
      at: now,
    });
    return true;
  });
  if (!counted) return limited();
  deps.log?.('certificate.verified', { staff: staff.openid, result: valid ? 'valid' : reason });
  return ok(answer);
});
