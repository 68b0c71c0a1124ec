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
import { randomBytes } from 'node:crypto';
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { certificateIdentifier } from '@shared/certificate-identifier';
import { beijingDate, beijingIso } from '@shared/dates';
import { maskName } from '@shared/mask';
import { requestIdSchema } from '@shared/person.schema';
import { regionName } from '@shared/regions';
import { REGISTRATION_KINDS, registrationStatusText } from '@shared/registrations';
import {
  SHARE_CODE_ALPHABET, SHARE_CODE_INVALID, SHARE_CODE_LENGTH, SHARE_HOURS, SHARE_PURPOSES, SHARE_VIEWS_PER_CALLER_PER_MINUTE,
  SHARE_VIEWS_PER_CODE_PER_HOUR, formatShareCode, isSharePurpose, normalizeShareCode, type SharePurposeCode,
} from '@shared/share';
import { ids, readRecord, writeRecord, type RateCounter } from '../collections';
import type { Deps } from '../deps';
import { priorAnswer, requestKey } from '../idempotency';
import { writeMessageInTx } from '../messages';
import type { CertificateRecord, RegistrationRecord, RequestRecord } from '../records';
import { registrationId } from '../registrations';
import { boundPersonKeys } from '../person-access';

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

/** What the holder reads about one of their shares. */
export interface ShareCodeView {
  shareId: string;
  /** the code while the share is active (the holder may show it again); absent once it has ended */
  code?: string;
  /** ABCD-EFGH */
  codeDisplay?: string;
  purpose: SharePurposeCode;
  purposeLabel: string;
  /** what the verifier sees, in plain words */
  shows: string;
  showFullName: boolean;
  certificateNo: string;
  status: 'active' | 'expired' | 'revoked';
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  views: number;
  lastViewedAt?: string;
}

/** What the verifier reads: `valid` and the purpose's fields, nothing else. */
export interface SharedCertificateView {
  valid: boolean;
  /** why not, when the certificate itself is no longer valid */
  reasonText?: string;
  purpose: SharePurposeCode;
  purposeLabel: string;
  /** masked (王*国) unless the holder chose to show it in full */
  holderName?: string;
  registration?: {
    status: 'active' | 'deregistered' | 'none';
    kind?: 'unemployment' | 'flexible';
    /** Beijing date the registration began */
    since?: string;
    /** Beijing date it ended, when it has */
    endedOn?: string;
    /** e.g. 失业登记有效（2026-03-10 起） */
    text: string;
  };
  certificateNo?: string;
  identifier?: string;
  issuingRegion?: string;
  issuingRegionName?: string;
  /** when this answer was true (ISO-8601 +08:00) */
  validAsOf: string;
  /** when the share code stops working */
  expiresAt: string;
}

// ---- codes ----------------------------------------------------------------------------------------

/** The code of a share: 40 bits of a keyed hash of its random nonce, in the unambiguous alphabet. */
function codeOf(deps: Deps, nonce: string): string {
  const bits = BigInt(`0x${deps.personKey(`share-code:${nonce}`).slice(0, 10)}`);
  let code = '';
  for (let i = SHARE_CODE_LENGTH - 1; i >= 0; i--) code += SHARE_CODE_ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)];
  return code;
}

/** Where a share is kept: a keyed hash of its code (the code itself is never stored). */
const shareDocId = (deps: Deps, code: string) => ids.share(deps.personKey(`share-id:${code}`));

const effectiveStatus = (s: ShareRecord, now: number): ShareCodeView['status'] => (s.revokedAt !== null ? 'revoked' : now >= s.expiresAt ? 'expired' : 'active');

function holderView(deps: Deps, s: ShareRecord, now: number): ShareCodeView {
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

function minuteText(at: number): string {
  const iso = beijingIso(at);
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;
}

// ---- the holder -----------------------------------------------------------------------------------

const NO_CERTIFICATE = '您还没有电子《就业创业证》，可先申领';

function createInput(input: unknown): { ok: true; requestId: string; purpose: SharePurposeCode; hours: number; showFullName: boolean; certificateNo?: string } | { ok: false; fields: Record<string, string> } {
  const raw = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const rid = requestIdSchema.safeParse(raw.requestId);
  if (!rid.success) fields.requestId = '提交编号缺失或格式不正确，请刷新页面后重试';
  if (!isSharePurpose(raw.purpose)) fields.purpose = `请选择分享用途：${Object.values(SHARE_PURPOSES).map((p) => p.label).join('、')}`;
  const hours = raw.hours === undefined ? SHARE_HOURS.default : raw.hours;
  if (typeof hours !== 'number' || !Number.isInteger(hours) || hours < SHARE_HOURS.min || hours > SHARE_HOURS.max) fields.hours = `有效时长请选择 ${SHARE_HOURS.min} 至 ${SHARE_HOURS.max} 小时`;
  if (raw.showFullName !== undefined && typeof raw.showFullName !== 'boolean') fields.showFullName = '请选择是否显示完整姓名';
  if (raw.certificateNo !== undefined && (typeof raw.certificateNo !== 'string' || raw.certificateNo.length > 32)) fields.certificateNo = '证号格式不正确';
  if (Object.keys(fields).length) return { ok: false, fields };
  return {
    ok: true, requestId: rid.data as string, purpose: raw.purpose as SharePurposeCode, hours: hours as number, showFullName: raw.showFullName === true,
    ...(typeof raw.certificateNo === 'string' ? { certificateNo: raw.certificateNo } : {}),
  };
}

/** The caller's own certificate (bound, never as a delegate): the first, or the one named. */
async function myCertificate(deps: Deps, certificateNo?: string): Promise<CertificateRecord | null> {
  for (const key of await boundPersonKeys(deps)) {
    const c = await readRecord(deps.store, 'certificates', key);
    if (c && (!certificateNo || c.certificateNo === certificateNo)) return c;
  }
  return null;
}

export async function createShareCode(input: unknown, deps: Deps): Promise<Result<ShareCodeView>> {
  const openid = deps.caller.openid!;
  const v = createInput(input);
  if (!v.ok) return fail('VALIDATION_FAILED', '请按提示选择后再生成分享码', v.fields);
  const key = requestKey(openid, v.requestId);
  const now = deps.clock.now();

  const prior = priorAnswer(await readRecord(deps.store, 'requests', key), 'createShareCode');
  if (prior.kind === 'reused') return prior.error;
  if (prior.kind === 'same') {
    // the same requestId: the same share and the same code (derived again from its nonce)
    const docId = (prior.record.answer as { docId?: unknown } | null)?.docId;
    const s = typeof docId === 'string' ? await deps.store.get<ShareRecord>('verifications', docId) : null;
    if (s) return ok(holderView(deps, s, now));
  }

  const cert = await myCertificate(deps, v.certificateNo);
  if (!cert) return fail('NOT_FOUND', NO_CERTIFICATE);
  if (cert.status !== 'valid') return fail('CONFLICT', '该证已注销，不能分享；如需使用请重新申领');

  const limitId = ids.rateLimit('shareCode', openid, beijingDate(now));
  let reused: Result<ShareCodeView> | null = null;
  const created = await deps.store.transaction(async (tx) => {
    reused = null;
    const again = priorAnswer(await readRecord(tx, 'requests', key), 'createShareCode', cert.personKey);
    if (again.kind === 'reused') { reused = again.error; return null; }
    if (again.kind === 'same') {
      const docId = (again.record.answer as { docId?: string }).docId;
      return docId ? tx.get<ShareRecord>('verifications', docId) : null;
    }
    const c = await tx.get<RateCounter>('counters', limitId);
    if ((c?.n ?? 0) >= SHARE_CODES_PER_DAY) { reused = fail('RATE_LIMITED', `今天生成分享码的次数已达 ${SHARE_CODES_PER_DAY} 次，请明天再试`); return null; }
    await tx.put('counters', limitId, { n: (c?.n ?? 0) + 1, at: now } satisfies RateCounter);
    for (;;) {
      const nonce = randomBytes(16).toString('hex');
      const docId = shareDocId(deps, codeOf(deps, nonce));
      const s: ShareRecord = {
        kind: 'share', shareId: deps.newId(), nonce, personKey: cert.personKey, ownerOpenid: openid, certificateNo: cert.certificateNo,
        version: cert.version, purpose: v.purpose, showFullName: v.showFullName, requestId: v.requestId,
        createdAt: now, expiresAt: now + v.hours * 3_600_000, revokedAt: null, views: 0, lastViewedAt: null,
      };
      // a clash of 40-bit codes among live shares is rare; draw again rather than overwrite
      if (!(await tx.create('verifications', docId, s))) continue;
      const record: RequestRecord = { openid, requestId: v.requestId, action: 'createShareCode', personKey: cert.personKey, answer: { docId, shareId: s.shareId }, at: now };
      await writeRecord(tx, 'requests', key, record);
      await writeRecord(tx, 'audit', deps.newId(), { at: now, citizenOpenid: openid, action: 'createShareCode', personKey: cert.personKey, shareId: s.shareId, purpose: v.purpose, hours: v.hours, showFullName: v.showFullName });
      return s;
    }
  });
  if (reused) return reused;
  if (!created) return fail('CONFLICT', '这个提交编号已用过，请刷新页面后重新生成');
  deps.log?.('share.created', { shareId: created.shareId, purpose: created.purpose });
  return ok(holderView(deps, created, now));
}

export async function listShareCodes(_input: unknown, deps: Deps): Promise<Result<{ shares: ShareCodeView[] }>> {
  const keys = await boundPersonKeys(deps);
  const now = deps.clock.now();
  const rows = keys.length
    ? await deps.store.find<ShareRecord>('verifications', { kind: 'share', personKey: { in: keys } }, { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 100 })
    : [];
  return ok({ shares: rows.map((s) => holderView(deps, s, now)) });
}

export async function revokeShareCode(input: unknown, deps: Deps): Promise<Result<ShareCodeView>> {
  const openid = deps.caller.openid!;
  const raw = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const rid = requestIdSchema.safeParse(raw.requestId);
  if (!rid.success) fields.requestId = '提交编号缺失或格式不正确，请刷新页面后重试';
  const code = raw.code === undefined ? null : normalizeShareCode(raw.code);
  const shareId = typeof raw.shareId === 'string' && raw.shareId.length > 0 && raw.shareId.length <= 64 ? raw.shareId : null;
  if (raw.code !== undefined && !code) fields.code = '分享码为 8 位字母和数字';
  else if (!code && !shareId) fields.code = '请选择要撤销的分享码';
  if (Object.keys(fields).length) return fail('VALIDATION_FAILED', '请选择要撤销的分享码', fields);
  const requestId = rid.data as string;

  const prior = priorAnswer(await readRecord(deps.store, 'requests', requestKey(openid, requestId)), 'revokeShareCode');
  if (prior.kind === 'reused') return prior.error;

  let docId: string | null = code ? shareDocId(deps, code) : null;
  let s = docId ? await deps.store.get<ShareRecord>('verifications', docId) : null;
  if (!docId && shareId) {
    const [found] = await deps.store.find<ShareRecord>('verifications', { kind: 'share', shareId }, { limit: 1 });
    if (found) { docId = found._id; s = found; }
  }
  const keys = await boundPersonKeys(deps);
  // someone else's share reads as one that does not exist
  if (!s || s.kind !== 'share' || !docId || !keys.includes(s.personKey)) return fail('NOT_FOUND', '没有找到这个分享码');
  const now = deps.clock.now();
  const id = docId;
  const done = await deps.store.transaction(async (tx) => {
    const again = await tx.get<ShareRecord>('verifications', id);
    if (!again) return null;
    const revoked = again.revokedAt === null ? { ...again, revokedAt: now } : again;
    if (again.revokedAt === null) {
      await tx.put('verifications', id, revoked);
      await writeRecord(tx, 'audit', deps.newId(), { at: now, citizenOpenid: openid, action: 'revokeShareCode', personKey: again.personKey, shareId: again.shareId });
    }
    await writeRecord(tx, 'requests', requestKey(openid, requestId), { openid, requestId, action: 'revokeShareCode', personKey: again.personKey, answer: { docId: id, shareId: again.shareId }, at: now } satisfies RequestRecord);
    return revoked;
  });
  if (!done) return fail('NOT_FOUND', '没有找到这个分享码');
  return ok(holderView(deps, done, now));
}

// ---- the verifier ---------------------------------------------------------------------------------

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
export async function viewSharedCertificate(input: unknown, deps: Deps): Promise<Result<SharedCertificateView>> {
  const raw = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const code = normalizeShareCode(raw.code);
  if (!code) return fail('VALIDATION_FAILED', '请输入持证人提供的 8 位分享码', { code: '分享码为 8 位字母和数字（不含 0、O、1、I）' });
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
}
