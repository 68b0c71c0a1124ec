/**
 * `verifyProof {token}` (staff, verifier and above; not region-scoped, like verifyCertificate): is a
 * 失业登记证明 / 就业登记证明 (core/proof.ts) genuine, and what is the registration NOW. Audited; the holder
 * is told. Kept apart from getRegistrationProof.handler.ts so the staff function does not bundle the PDF library.
 */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { beijingDate, beijingIso } from '@shared/dates';
import { maskName } from '@shared/mask';
import { REGISTRATION_KIND_LABEL } from '@shared/registrations';
import { regionName } from '@shared/regions';
import { ids, readRecord, writeRecord, type RateCounter } from '../collections';
import type { Deps } from '../deps';
import { writeMessageInTx } from '../messages';
import { asProofClaims, PROOF_TITLE } from '../proof';
import { QR_CLOCK_SKEW_SECONDS } from '../qr/token.port';
import { registrationId } from '../registrations';
import { QR_UNAVAILABLE, VERIFY_LIMIT_PER_MINUTE } from '../certificate-qr';
import type { ProofReason, ProofAnswer } from '@shared/answers';
import { defineParsed } from './handler';
export type { ProofReason, ProofAnswer };

export const PROOF_REASON_TEXT: Record<ProofReason, string> = {
  malformed: '不是有效的登记证明二维码',
  bad_signature: '二维码验签失败，可能是伪造或被篡改的证明',
  unknown_key: '证明的签名密钥已更换或未知，请持证人重新开具证明',
  expired: '证明已过有效期，请持证人重新开具',
  not_yet_valid: '证明时间异常，请持证人重新开具',
  unknown_registration: '未找到该证明所载的登记',
};

async function withinRateLimit(deps: Deps, openid: string, now: number): Promise<boolean> {
  const id = ids.rateLimit('verifyProof', openid, Math.floor(now / 60_000));
  return deps.store.transaction(async (tx) => {
    const n = (await tx.get<RateCounter>('counters', id))?.n ?? 0;
    if (n >= VERIFY_LIMIT_PER_MINUTE) return false;
    await tx.put('counters', id, { n: n + 1, staffOpenid: openid, at: now } satisfies RateCounter);
    return true;
  });
}

export const verifyProof = defineParsed((input, deps) => {
  // no signing keys or no staff member: refused before the input is looked at, as always
  const keys = deps.qrKeys;
  if (!keys) return fail('UNAVAILABLE', QR_UNAVAILABLE);
  const staff = deps.caller.staff;
  if (!staff) return fail('FORBIDDEN', '只有经办人员可以核验登记证明');
  const raw = (input as { token?: unknown } | null)?.token;
  if (typeof raw !== 'string' || raw.trim() === '' || raw.length > 2048) {
    return fail('VALIDATION_FAILED', '请扫描登记证明上的二维码', { token: '请扫描登记证明上的二维码' });
  }
  return ok({ keys, staff, token: raw.trim() });
}, async ({ keys, staff, token }, deps): Promise<Result<ProofAnswer>> => {
  const now = deps.clock.now();
  if (!(await withinRateLimit(deps, staff.openid, now))) {
    return fail('RATE_LIMITED', `核验过于频繁：每位工作人员每分钟最多核验 ${VERIFY_LIMIT_PER_MINUTE} 次，请稍后再试`);
  }
  const verdict = await keys.verifyJson(token, now);
  const claims = verdict.ok ? asProofClaims(verdict.claims) : null;
  let reason: ProofReason | null = verdict.ok ? (claims ? null : 'malformed') : verdict.reason;
  const nowS = now / 1000;
  if (claims && nowS > claims.exp + QR_CLOCK_SKEW_SECONDS) reason = 'expired';
  else if (claims && nowS < claims.iat - QR_CLOCK_SKEW_SECONDS) reason = 'not_yet_valid';
  // by the application the registration came from (applications are stored by id; the token names no person)
  const app = claims && !reason ? await readRecord(deps.store, 'applications', claims.r) : null;
  const reg = app && claims ? await readRecord(deps.store, 'registrations', registrationId(claims.kind, app.personKey)) : null;
  if (claims && !reason && !app) reason = 'unknown_registration';
  const validAsOf = beijingIso(now);
  let answer: ProofAnswer;
  if (reason || !claims || !app) {
    answer = { valid: false, reason: reason ?? 'malformed', reasonText: PROOF_REASON_TEXT[reason ?? 'malformed'], validAsOf };
  } else {
    const label = REGISTRATION_KIND_LABEL[claims.kind];
    const same = reg && reg.applicationId === claims.r;
    const status: ProofAnswer['registrationStatus'] = same ? reg!.status : 'replaced';
    const statusText = same
      ? reg!.status === 'active' ? `${label}有效` : `${label}已于 ${reg!.endedAt ? beijingDate(reg!.endedAt) : '（日期不详）'} 注销`
      : `该${label}已结束，已有新的登记，请持证人重新开具证明`;
    const name = String((reg?.person as { name?: string } | undefined)?.name ?? app.person?.name ?? '');
    answer = {
      valid: true, title: PROOF_TITLE[claims.kind], kind: claims.kind, holderName: maskName(name),
      regionName: regionName(app.region) ?? app.region, ...(same ? { since: beijingDate(reg!.since) } : {}),
      issuedOn: beijingDate(claims.iat * 1000), validUntil: beijingDate(claims.exp * 1000),
      registrationStatus: status, registrationStatusText: statusText, validAsOf,
    };
  }
  await deps.store.transaction(async (tx) => {
    await writeRecord(tx, 'audit', deps.newId(), {
      at: now, staffOpenid: staff.openid, staffName: staff.name, staffRegion: staff.region, action: 'verifyProof',
      result: answer.valid ? 'valid' : answer.reason, applicationId: claims?.r ?? null, personKey: app?.personKey ?? null,
    });
    const openid = (reg?.openid as string | undefined) ?? app?.openid;
    if (!answer.valid || !openid || !app) return;
    await writeMessageInTx(tx, {
      messageId: deps.newId(), openid, personKey: app.personKey, event: 'proof.verified',
      title: '登记证明核验提醒',
      body: `您的${answer.title}（${answer.issuedOn} 开具）于 ${validAsOf.slice(0, 16).replace('T', ' ')} 被 ${staff.name} 扫码核验。`,
      at: now,
    });
  });
  deps.log?.('proof.verified', { staff: staff.openid, result: answer.valid ? 'valid' : answer.reason });
  return ok(answer);
});
