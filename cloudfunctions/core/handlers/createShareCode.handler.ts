/** A share code for the holder's own 《就业创业证》: one purpose, 1–72 hours, once per requestId, a few a day (core/share-codes.ts). */
import { randomBytes } from 'node:crypto';
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { beijingDate } from '@shared/dates';
import { requestIdSchema } from '@shared/person.schema';
import { SHARE_HOURS, SHARE_PURPOSES, isSharePurpose, type SharePurposeCode } from '@shared/share';
import { ids, readRecord, writeRecord, type RateCounter } from '../collections';
import { priorAnswer, requestKey } from '../idempotency';
import type { RequestRecord } from '../records';
import { defineParsed } from './handler';
import { NO_CERTIFICATE, SHARE_CODES_PER_DAY, codeOf, holderView, myCertificate, shareDocId, type ShareCodeView, type ShareRecord } from '../share-codes';

function createInput(input: unknown): Result<{ requestId: string; purpose: SharePurposeCode; hours: number; showFullName: boolean; certificateNo?: string }> {
  const raw = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const rid = requestIdSchema.safeParse(raw.requestId);
  if (!rid.success) fields.requestId = '提交编号缺失或格式不正确，请刷新页面后重试';
  if (!isSharePurpose(raw.purpose)) fields.purpose = `请选择分享用途：${Object.values(SHARE_PURPOSES).map((p) => p.label).join('、')}`;
  const hours = raw.hours === undefined ? SHARE_HOURS.default : raw.hours;
  if (typeof hours !== 'number' || !Number.isInteger(hours) || hours < SHARE_HOURS.min || hours > SHARE_HOURS.max) fields.hours = `有效时长请选择 ${SHARE_HOURS.min} 至 ${SHARE_HOURS.max} 小时`;
  if (raw.showFullName !== undefined && typeof raw.showFullName !== 'boolean') fields.showFullName = '请选择是否显示完整姓名';
  if (raw.certificateNo !== undefined && (typeof raw.certificateNo !== 'string' || raw.certificateNo.length > 32)) fields.certificateNo = '证号格式不正确';
  if (Object.keys(fields).length) return fail('VALIDATION_FAILED', '请按提示选择后再生成分享码', fields);
  return ok({
    requestId: rid.data as string, purpose: raw.purpose as SharePurposeCode, hours: hours as number, showFullName: raw.showFullName === true,
    ...(typeof raw.certificateNo === 'string' ? { certificateNo: raw.certificateNo } : {}),
  });
}

export const createShareCode = defineParsed(createInput, async (v, deps): Promise<Result<ShareCodeView>> => {
  const openid = deps.caller.openid!;
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
});
