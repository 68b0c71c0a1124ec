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
import type { ApiError } from '@shared/api';
import { fail } from '@shared/api';
import { ids } from './collections';
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
