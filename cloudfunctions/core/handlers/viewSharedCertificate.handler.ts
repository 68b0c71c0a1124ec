/**
 * What a verifier with a share code sees, no account needed: that purpose's fields; every view recorded and
 * told to the holder (个人信息保护法 第四十四条); a wrong, expired or revoked code gets one answer, guessing is
 * slowed per code and per caller (core/share-codes.ts).
 */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { certificateIdentifier } from '@shared/certificate-identifier';
import { beijingDate, beijingIso } from '@shared/dates';
import { maskName } from '@shared/mask';
import { regionName } from '@shared/regions';
import { REGISTRATION_KINDS, registrationStatusText } from '@shared/registrations';
import { SHARE_CODE_INVALID, SHARE_PURPOSES, SHARE_VIEWS_PER_CALLER_PER_MINUTE, SHARE_VIEWS_PER_CODE_PER_HOUR, normalizeShareCode } from '@shared/share';
import { ids, readRecord, writeRecord, type RateCounter } from '../collections';
import type { Deps } from '../deps';
import { writeMessageInTx } from '../messages';
import type { RegistrationRecord } from '../records';
import { registrationId } from '../registrations';
import { minuteText, shareDocId, type ShareRecord, type SharedCertificateView } from '../share-codes';
import { defineParsed } from './handler';

/** One counter per key and window; false once the window's limit is reached (counted before any lookup). */
async function withinLimits(deps: Deps, callerKey: string, codeKey: string, now: number): Promise<'caller' | 'code' | null> {
  const callerId = ids.rateLimit('shareView:caller', callerKey, Math.floor(now / 60_000));
  const codeId = ids.rateLimit('shareView:code', codeKey, Math.floor(now / 3_600_000));
  return deps.store.transaction(async (tx) => {
    const c = await tx.get<RateCounter>('counters', callerId);
    if ((c?.n ?? 0) >= SHARE_VIEWS_PER_CALLER_PER_MINUTE) return 'caller';
    await tx.put('counters', callerId, { n: (c?.n ?? 0) + 1, at: now } satisfies RateCounter);
    const k = await tx.get<RateCounter>('counters', codeId);
    if ((k?.n ?? 0) >= SHARE_VIEWS_PER_CODE_PER_HOUR) return 'code';
    await tx.put('counters', codeId, { n: (k?.n ?? 0) + 1, at: now } satisfies RateCounter);
    return null;
  });
}

async function registrationFacts(deps: Deps, personKey: string): Promise<NonNullable<SharedCertificateView['registration']>> {
  let ended: RegistrationRecord | null = null;
  for (const kind of REGISTRATION_KINDS) {
    const reg = await readRecord(deps.store, 'registrations', registrationId(kind, personKey));
    if (!reg) continue;
    if (reg.status === 'active') {
      const since = beijingDate(reg.since);
      return { status: 'active', kind, since, text: `${registrationStatusText({ status: 'active', kind })}（${since} 起）` };
    }
    if (!ended || (reg.endedAt ?? 0) > (ended.endedAt ?? 0)) ended = reg;
  }
  if (!ended) return { status: 'none', text: registrationStatusText({ status: 'none' }) };
  const since = beijingDate(ended.since);
  const endedOn = ended.endedAt ? beijingDate(ended.endedAt) : undefined;
  return {
    status: 'deregistered', kind: ended.kind, since, ...(endedOn ? { endedOn } : {}),
    text: `${registrationStatusText({ status: 'deregistered', kind: ended.kind })}（${since} 起${endedOn ? `，${endedOn} 注销` : ''}）`,
  };
}

/**
 * Public: no account, no binding. The caller is counted by network address where the edge knows it
 * (the gateway's socket peer, CloudBase's CLIENTIP), else by WeChat account; both only as keyed hashes.
 */
export const viewSharedCertificate = defineParsed((input) => {
  const raw = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const code = normalizeShareCode(raw.code);
  return code ? ok({ code }) : fail('VALIDATION_FAILED', '请输入持证人提供的 8 位分享码', { code: '分享码为 8 位字母和数字（不含 0、O、1、I）' });
}, async ({ code }, deps): Promise<Result<SharedCertificateView>> => {
  const now = deps.clock.now();
  const who = deps.caller.address ? `a:${deps.caller.address}` : deps.caller.openid ? `o:${deps.caller.openid}` : 'anonymous';
  const callerKey = deps.personKey(`share-caller:${who}`).slice(0, 24);
  const docId = shareDocId(deps, code);
  // counted before the lookup, for every code alike: the answer never depends on whether it exists
  const limited = await withinLimits(deps, callerKey, docId.slice('share:'.length, 'share:'.length + 24), now);
  if (limited) {
    deps.log?.('share.limited', { scope: limited });
    return fail('RATE_LIMITED', limited === 'caller'
      ? `查询过于频繁：每分钟最多查询 ${SHARE_VIEWS_PER_CALLER_PER_MINUTE} 次，请稍后再试`
      : `该分享码查询次数过多（每小时最多 ${SHARE_VIEWS_PER_CODE_PER_HOUR} 次），请稍后再试或向持证人索取新的分享码`);
  }

  const s = await deps.store.get<ShareRecord>('verifications', docId);
  const cert = s && s.kind === 'share' ? await readRecord(deps.store, 'certificates', s.personKey) : null;
  // wrong, expired, revoked, never issued, or voided by a 补发: one answer (no oracle)
  if (!s || !cert || s.revokedAt !== null || now >= s.expiresAt || cert.certificateNo !== s.certificateNo || cert.version !== s.version) {
    deps.log?.('share.invalid', {});
    return fail('NOT_FOUND', SHARE_CODE_INVALID);
  }

  const purpose = SHARE_PURPOSES[s.purpose];
  const valid = cert.status === 'valid';
  const fields = new Set<string>(purpose.fields);
  const answer: SharedCertificateView = {
    valid, ...(valid ? {} : { reasonText: '证件已注销' }),
    purpose: s.purpose, purposeLabel: purpose.label,
    ...(fields.has('holderName') ? { holderName: s.showFullName ? cert.name : maskName(cert.name) } : {}),
    ...(fields.has('registration') ? { registration: await registrationFacts(deps, cert.personKey) } : {}),
    ...(fields.has('certificateNo') ? { certificateNo: cert.certificateNo } : {}),
    ...(fields.has('identifier') ? { identifier: certificateIdentifier({ issuerCode: cert.issuingRegion, serial: cert.certificateNo, version: cert.version }) } : {}),
    ...(fields.has('issuingRegion') ? { issuingRegion: cert.issuingRegion, issuingRegionName: regionName(cert.issuingRegion) ?? cert.issuingRegion } : {}),
    validAsOf: beijingIso(now), expiresAt: beijingIso(s.expiresAt),
  };

  const seen = await deps.store.transaction(async (tx) => {
    const again = await tx.get<ShareRecord>('verifications', docId);
    if (!again || again.revokedAt !== null) return null;
    const views = again.views + 1;
    await tx.put('verifications', docId, { ...again, views, lastViewedAt: now });
    // every view is recorded and told to the holder (个人信息保护法 第四十四条)
    await writeRecord(tx, 'audit', deps.newId(), { at: now, action: 'viewSharedCertificate', personKey: again.personKey, shareId: again.shareId, purpose: again.purpose, viewer: callerKey });
    await writeMessageInTx(tx, {
      messageId: deps.newId(), openid: again.ownerOpenid, personKey: again.personKey, event: 'certificate.shareViewed',
      title: '电子证分享码被查看',
      body: `您为“${purpose.label}”分享的电子《就业创业证》（分享码尾号 ${code.slice(-2)}）于 ${minuteText(now)} 被查看，这是第 ${views} 次查看。分享码 ${minuteText(again.expiresAt)} 前有效；如不再需要或并非您本人分享，请在“我的电子证”中撤销该分享码。`,
      at: now,
    });
    return views;
  });
  // revoked between the read and the record: as if it never answered
  if (seen === null) return fail('NOT_FOUND', SHARE_CODE_INVALID);
  deps.log?.('share.viewed', { shareId: s.shareId, purpose: s.purpose });
  return ok(answer);
});
