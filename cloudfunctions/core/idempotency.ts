/**
 * requestId idempotency, one rule for every action that takes one (submissions, 补发, …): a
 * requestId belongs to one action and one person. The same requestId for the same action and the
 * same person returns the first answer; reused with another action, or for another person, it is
 * a 409 that says so — never the other action's answer (a 失业登记 silently not filed), never an
 * internal record (docs/security.md "requestId namespace").
 *
 * Records stay under `requests/<openid>:<requestId>` (the key a crash check reads); the action and
 * the person key they were made for are stored with them and compared here.
 */
import type { ApiError, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { ids, readRecord, writeRecord } from './collections';
import type { Deps } from './deps';
import type { StoreTx } from './store.port';
import { APPLICATION_KIND_LABEL } from '@shared/application-kinds';
import type { RequestRecord } from './records';

/** `<openid>:<requestId>` (core/collections.ts) */
export const requestKey = ids.request;

const ACTION_NAMES: Record<string, string> = {
  applyCertificate: APPLICATION_KIND_LABEL.certificate,
  reissueCertificate: '补发电子证',
  submitUnemploymentRegistration: APPLICATION_KIND_LABEL.unemployment,
  submitFlexibleEmployment: APPLICATION_KIND_LABEL.flexible,
};

export type PriorAnswer =
  | { kind: 'none' }
  | { kind: 'same'; record: RequestRecord }
  | { kind: 'reused'; error: { ok: false; error: ApiError } };

/**
 * What an existing request record means for this call. `personKey` is the person this call is
 * about, when known before the record is read (omit it to compare the action only; compare the
 * person later with `samePerson`).
 */
export function priorAnswer(record: RequestRecord | null | undefined, action: string, personKey?: string): PriorAnswer {
  if (!record) return { kind: 'none' };
  if (record.action !== action) {
    const other = ACTION_NAMES[record.action] ?? '另一项业务';
    return { kind: 'reused', error: fail('CONFLICT', `这个提交编号已用于“${other}”，不能再用于“${ACTION_NAMES[action] ?? '这项业务'}”。请刷新页面后重新提交`) };
  }
  if (personKey !== undefined && !samePerson(record, personKey)) {
    return { kind: 'reused', error: fail('CONFLICT', '这个提交编号已用于为另一位人员办理的业务，请刷新页面后重新提交') };
  }
  return { kind: 'same', record };
}

/** Records written before the person was stored carry none: they match (the openid already scopes them). */
export function samePerson(record: RequestRecord, personKey: string): boolean {
  return typeof record.personKey !== 'string' || record.personKey === personKey;
}

/**
 * Runs `run` once per requestId of the caller, for one action: the same requestId again answers the
 * first answer; reused with another action, it is refused, never answered with the other action's
 * result (the actions after the first answer: withdraw, 复核, 本人申报, 变更). Only an ok answer is kept.
 */
export async function oncePerRequest<T>(deps: Deps, action: string, requestId: string, run: (tx: StoreTx, at: number) => Promise<Result<T>>): Promise<Result<T>> {
  const openid = deps.caller.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const key = ids.request(openid, requestId);
  const seen = (r: RequestRecord | null): Result<T> | null => {
    if (!r) return null;
    if (r.action !== action) return fail('CONFLICT', '这个提交编号已用于另一项业务，请刷新页面后重新操作');
    return ok(r.answer as T);
  };
  const prior = seen(await readRecord(deps.store, 'requests', key));
  if (prior) return prior;
  const at = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const again = seen(await readRecord(tx, 'requests', key));
    if (again) return again;
    const out = await run(tx, at);
    if (out.ok) await writeRecord(tx, 'requests', key, { openid, requestId, action, answer: out.data, at } satisfies RequestRecord);
    return out;
  });
}
