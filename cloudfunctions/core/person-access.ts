/**
 * Who may act for or read about a person: the one place these decisions are made
 * (docs/identity.md "Who is who"). A name and an ID number never let anyone act for or read about a
 * person (个人信息保护法 第十条, 第五十一条).
 *
 * - An openid is BOUND to a person only after the identity base matched (name + ID number,
 *   鞍人社〔2020〕21号 三) AND a real-person check for that person passed — a face check confirmed by the
 *   provider, or staff at a counter who saw the document (the route the 人脸识别技术应用安全管理办法
 *   (2025) 第十条 expects where face recognition is not the only way). A bound openid reads and acts as
 *   the person.
 * - A DELEGATE (代办 / 亲情服务) was invited by the bound person and accepted after their own check;
 *   they submit and follow progress for the person, never hold a verifiable QR, never 补发.
 * - A SENDER (an openid that submitted for a person it is not bound to: identity not matched) sees
 *   the application it sent, and nothing else held about that person.
 */
import { beijingIso } from '@shared/dates';
import { findRecords, ids, readRecord, writeRecord } from './collections';
import type { Deps } from './deps';
import { writeMessageInTx } from './messages';
import type { StoreTx } from './store.port';

export type BindingVia = 'face' | 'counter';

export interface BindingRecord {
  [key: string]: unknown;
  openid: string;
  personKey: string;
  name: string;
  at: number;
  /** bindings written before this rule (no `via`) are not trusted: the old path wrote them unchecked */
  via: BindingVia;
  /** counter route: who confirmed, with what document */
  counter?: { staffOpenid: string; documentType: string; at: number };
}

export interface DelegationRecord {
  [key: string]: unknown;
  delegationId: string;
  /** the person helped */
  personKey: string;
  personName: string;
  /** who invited (a bound openid of the person) */
  ownerOpenid: string;
  helperOpenid: string | null;
  helperName: string | null;
  status: 'invited' | 'active' | 'revoked' | 'expired';
  createdAt: number;
  expiresAt: number;
  acceptedAt: number | null;
  revokedAt: number | null;
}

/** `<openid>:<personKey>` (core/collections.ts) */
export const bindingId = ids.binding;

/** The people this openid is bound to (checked), newest first. */
export async function boundPersonKeys(deps: Deps, openid = deps.caller.openid): Promise<string[]> {
  if (!openid) return [];
  const rows = await findRecords(deps.store, 'bindings', { openid }, { orderBy: { field: 'at', direction: 'desc' } });
  return [...new Set(rows.filter((r) => r.via === 'face' || r.via === 'counter').map((r) => r.personKey))];
}

export async function bindingOf(deps: Deps, openid: string, personKey: string): Promise<BindingRecord | null> {
  const b = await readRecord(deps.store, 'bindings', bindingId(openid, personKey));
  return b && (b.via === 'face' || b.via === 'counter') ? b : null;
}

/** The people this openid helps (active delegations). */
export async function delegationsAsHelper(deps: Deps, openid = deps.caller.openid): Promise<DelegationRecord[]> {
  if (!openid) return [];
  return findRecords(deps.store, 'delegations', { helperOpenid: openid, status: 'active' });
}

export type Access = { as: 'self' } | { as: 'delegate'; delegation: DelegationRecord } | null;

/** May the caller read this person's records, and as whom. */
export async function accessTo(deps: Deps, personKey: string): Promise<Access> {
  const openid = deps.caller.openid;
  if (!openid) return null;
  if (await bindingOf(deps, openid, personKey)) return { as: 'self' };
  const d = (await delegationsAsHelper(deps, openid)).find((x) => x.personKey === personKey);
  return d ? { as: 'delegate', delegation: d } : null;
}

/** Every person the caller may read about: bound ones first, then those they help. */
export async function readablePersonKeys(deps: Deps): Promise<{ self: string[]; delegated: string[] }> {
  const self = await boundPersonKeys(deps);
  const delegated = (await delegationsAsHelper(deps)).map((d) => d.personKey).filter((k) => !self.includes(k));
  return { self, delegated };
}

/**
 * May the caller submit for this person? The person themself with a recent face check, or bound at a
 * counter (their face check cannot pass: 港澳台 documents, a face that fails); or a delegate with an
 * active delegation named by `onBehalfOf`.
 */
export async function mayActFor(
  deps: Deps,
  person: { name: string; idNumber: string },
  onBehalfOf?: string,
): Promise<{ ok: true; as: 'self'; faceDetail: string } | { ok: true; as: 'delegate'; delegation: DelegationRecord } | { ok: false }> {
  const openid = deps.caller.openid;
  if (!openid) return { ok: false };
  const personKey = deps.personKey(person.idNumber);
  if (onBehalfOf !== undefined) {
    const d = await readRecord(deps.store, 'delegations', onBehalfOf);
    if (!d || d.status !== 'active' || d.helperOpenid !== openid || d.personKey !== personKey) return { ok: false };
    return { ok: true, as: 'delegate', delegation: d };
  }
  const rp = await deps.realPerson.check(openid, person);
  if (rp.passed) return { ok: true, as: 'self', faceDetail: rp.detail };
  const b = await bindingOf(deps, openid, personKey);
  if (b?.via === 'counter' && b.name === person.name) return { ok: true, as: 'self', faceDetail: '已由工作人员在窗口核验本人身份' };
  return { ok: false };
}

function minuteText(at: number): string {
  const iso = beijingIso(at);
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;
}

/** The other devices (openids) bound to a person, to tell them of a new one. Read before the transaction (no queries inside). */
export async function otherBoundOpenids(deps: Deps, personKey: string, openid: string): Promise<string[]> {
  const rows = await findRecords(deps.store, 'bindings', { personKey });
  return [...new Set(rows.filter((r) => (r.via === 'face' || r.via === 'counter') && r.openid !== openid).map((r) => r.openid))];
}

export const NEW_DEVICE_TITLE = '新设备访问提醒';

/**
 * Binds `openid` to the person (inside the caller's transaction). A new binding while other devices
 * are bound tells each of them at once: a second phone of the same person is allowed, a stranger's
 * is seen (个人信息保护法 第四十四条: the person's right to know).
 */
export async function bindInTx(
  tx: StoreTx,
  deps: Deps,
  b: { openid: string; personKey: string; name: string; at: number; via: BindingVia; counter?: BindingRecord['counter'] },
  others: string[],
): Promise<boolean> {
  const id = bindingId(b.openid, b.personKey);
  const existing = await readRecord(tx, 'bindings', id);
  const record: BindingRecord = { openid: b.openid, personKey: b.personKey, name: b.name, at: b.at, via: b.via, ...(b.counter ? { counter: b.counter } : {}) };
  await writeRecord(tx, 'bindings', id, existing?.via ? { ...record, at: existing.at, via: existing.via === 'counter' || b.via === 'counter' ? 'counter' : 'face' } : record);
  if (existing?.via) return false;
  for (const other of others) {
    await writeMessageInTx(tx, {
      messageId: deps.newId(), openid: other, personKey: b.personKey, event: 'identity.newDevice',
      title: NEW_DEVICE_TITLE,
      body: `您的信息在新设备上被访问：${minuteText(b.at)}，一个新的微信账号${b.via === 'counter' ? '经窗口工作人员核验身份' : '通过本人刷脸核验'}后可以查看和办理您的业务。如果不是您本人，请立即拨打 12333 或到就近的公共就业服务窗口反映，我们会停用该设备。`,
      at: b.at, canWait: false,
    });
  }
  return true;
}
