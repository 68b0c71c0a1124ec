/** The holder ends a share at any time; someone else's reads as one that does not exist (core/share-codes.ts). */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { requestIdSchema } from '@shared/person.schema';
import { normalizeShareCode } from '@shared/share';
import { readRecord, writeRecord } from '../collections';
import { priorAnswer, requestKey } from '../idempotency';
import type { RequestRecord } from '../records';
import { boundPersonKeys } from '../person-access';
import { defineParsed } from './handler';
import { holderView, shareDocId, type ShareCodeView, type ShareRecord } from '../share-codes';

export const revokeShareCode = defineParsed((input) => {
  const raw = (input && typeof input === 'object' && !Array.isArray(input) ? input : {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  const rid = requestIdSchema.safeParse(raw.requestId);
  if (!rid.success) fields.requestId = '提交编号缺失或格式不正确，请刷新页面后重试';
  const code = raw.code === undefined ? null : normalizeShareCode(raw.code);
  const shareId = typeof raw.shareId === 'string' && raw.shareId.length > 0 && raw.shareId.length <= 64 ? raw.shareId : null;
  if (raw.code !== undefined && !code) fields.code = '分享码为 8 位字母和数字';
  else if (!code && !shareId) fields.code = '请选择要撤销的分享码';
  if (Object.keys(fields).length) return fail('VALIDATION_FAILED', '请选择要撤销的分享码', fields);
  return ok({ requestId: rid.data as string, code, shareId });
}, async ({ requestId, code, shareId }, deps): Promise<Result<ShareCodeView>> => {
  const openid = deps.caller.openid!;

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
});
