/**
 * The outbox: every push (subscribe message, SMS) of a message is a document written in the same
 * transaction as the message and the event that causes it (core/messages.ts), then delivered by
 * the timer-triggered scheduler. The goal, after GOV.UK Notify: every message tracked, retried,
 * never doubled — the notices ask that people are told results and contacted on time
 * (人社厅发〔2020〕79号 一(三)(四), 大人社规发〔2025〕2号 三(三), 吉人社函字〔2018〕175号 短信通知办理结果).
 *
 * How "never doubled" holds:
 * - entry id `<messageId>:<channel>` is deterministic and created with `tx.create`, so an event
 *   written twice (a retried transaction, a scheduler run repeated) cannot enqueue twice;
 * - a run *claims* an entry in a transaction (pending → sending, with a lease) before it calls
 *   the provider, so two runs at the same time never send the same entry;
 * - the result is recorded in a second transaction; an entry is sent at most once by a run.
 * The one gap no outbox closes without a provider idempotency key: a process killed after the
 * provider accepted but before the result was recorded. Its lease expires (LEASE_MS) and the
 * entry is tried again — at-least-once for that crash only, which beats losing the message.
 *
 * Consent (docs/toolchain.md: one tap in `requestSubscribeMessage` = one send): counted per
 * (openid, template) in `subscriptions`; a claim takes one; a send that fails for any reason but
 * 43101 gives it back (WeChat did not use it); 43101 means WeChat has none, so the count is zeroed.
 */
import type { PushContent } from '@shared/notify';
import { SUBSCRIBE_TEMPLATES, quietHoursEnd, smsParams, subscribeData } from '@shared/notify';
import type { Deps, SendOutcome } from './deps';
import type { ApplicationRecord } from './records';
import type { StoreTx, Where } from './store.port';

export type Channel = 'subscribe' | 'sms';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface DeliveryResult {
  /** epoch ms */
  at: number;
  outcome: 'sent' | 'retry' | 'failed' | 'no_consent' | 'no_phone' | 'deferred_quiet_hours' | 'fallback_sms';
  code?: string;
  detail?: string;
}

export interface OutboxEntry {
  [key: string]: unknown;
  entryId: string;
  messageId: string;
  event: string;
  channel: Channel;
  openid: string;
  recipient: 'citizen' | 'staff';
  personKey: string | null;
  /** where a citizen's phone is read at delivery time (never copied into the outbox) */
  applicationId: string | null;
  content: PushContent;
  /** epoch ms the message was written (shown as 办理时间) */
  messageAt: number;
  /** held during the quiet hours (shared/notify.ts QUIET_HOURS) */
  canWait: boolean;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  leaseUntil: number | null;
  claimId: string | null;
  /** a subscribe consent was taken by the current claim */
  consentTaken: boolean;
  results: DeliveryResult[];
  sentAt: number | null;
  providerId: string | null;
  /** what the person ended up with when no push was possible, e.g. `inapp_only` */
  finalNote?: string;
}

export interface SubscriptionRecord {
  [key: string]: unknown;
  openid: string;
  template: string;
  /** sends left: each accepted tap adds one, each subscribe send uses one */
  remaining: number;
  granted: number;
  used: number;
  lastAnswer: 'accept' | 'reject' | 'ban' | null;
  updatedAt: number;
  /** 长期订阅 accepted on a template the deployment holds as long-term: sends need no count */
  longTerm?: boolean;
}

export const outboxId = (messageId: string, channel: Channel): string => `${messageId}:${channel}`;
export const subscriptionId = (openid: string, template: string): string => `${openid}:${template}`;

/** Minutes between attempts: 1, 5, 30 min, 2 h, 8 h; after the last, `failed`. */
export const BACKOFF_MS: readonly number[] = [1, 5, 30, 120, 480].map((m) => m * 60_000);
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** A claim older than this is considered abandoned (the scheduler function times out at 60 s). */
export const LEASE_MS = 5 * 60_000;
/** Results kept per entry: enough to read a retry story, bounded so a doc cannot grow forever. */
const MAX_RESULTS = 20;

export interface NewOutboxEntry {
  messageId: string;
  event: string;
  openid: string;
  recipient: 'citizen' | 'staff';
  personKey: string | null;
  applicationId: string | null;
  content: PushContent;
  messageAt: number;
  canWait: boolean;
}

export function newOutboxEntry(e: NewOutboxEntry, channel: Channel, at: number): OutboxEntry {
  return {
    ...e,
    entryId: outboxId(e.messageId, channel),
    channel,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
    leaseUntil: null,
    claimId: null,
    consentTaken: false,
    results: [],
    sentAt: null,
    providerId: null,
  };
}

function addResult(entry: OutboxEntry, r: DeliveryResult): void {
  entry.results = [...entry.results, r].slice(-MAX_RESULTS);
}

/**
 * No subscribe consent, or the subscribe send finally failed: SMS when the person's phone is
 * known (citizens only — staff are reached in the app), otherwise the in-app list alone, recorded.
 * Runs inside the caller's transaction; the SMS entry id is deterministic, so at most one.
 */
async function fallBackInTx(tx: StoreTx, entry: OutboxEntry, at: number): Promise<'sms' | 'inapp_only'> {
  const phone = entry.recipient === 'citizen' ? await phoneOf(tx, entry) : null;
  if (!phone) {
    entry.finalNote = 'inapp_only';
    addResult(entry, { at, outcome: 'no_phone', detail: 'no phone known; in-app message only' });
    return 'inapp_only';
  }
  const { entryId: _e, channel: _c, status: _s, attempts: _a, nextAttemptAt: _n, createdAt: _cr, leaseUntil: _l, claimId: _cl, consentTaken: _ct, results: _r, sentAt: _sa, providerId: _p, finalNote: _f, ...base } = entry;
  // due when the message was: a fallback is not sent to the back of the queue
  const sms = newOutboxEntry(base as NewOutboxEntry, 'sms', at);
  sms.nextAttemptAt = Math.min(at, entry.createdAt);
  await tx.create('outbox', outboxId(entry.messageId, 'sms'), sms);
  addResult(entry, { at, outcome: 'fallback_sms' });
  return 'sms';
}

async function phoneOf(tx: Pick<StoreTx, 'get'>, entry: OutboxEntry): Promise<string | null> {
  if (!entry.applicationId) return null;
  const app = await tx.get<ApplicationRecord>('applications', entry.applicationId);
  // the message must be about this person: never text someone else's phone
  if (!app || (entry.personKey && app.personKey !== entry.personKey)) return null;
  const phone = app.person?.phone;
  return typeof phone === 'string' && /^1\d{10}$/.test(phone) ? phone : null;
}

export interface DeliveryCounts {
  sent: number;
  retried: number;
  failed: number;
  deferredQuietHours: number;
  /** subscribe → SMS */
  fallbacks: number;
  /** neither consent nor phone: the in-app list only */
  inAppOnly: number;
}

export const emptyDeliveryCounts = (): DeliveryCounts => ({ sent: 0, retried: 0, failed: 0, deferredQuietHours: 0, fallbacks: 0, inAppOnly: 0 });

type Claim =
  | { kind: 'none' }
  | { kind: 'deferred' }
  | { kind: 'settled'; result: 'sms' | 'inapp_only' }
  | { kind: 'send'; entry: OutboxEntry; claimId: string; phone: string | null };

const isDue = (e: OutboxEntry, now: number): boolean =>
  (e.status === 'pending' && e.nextAttemptAt <= now) || (e.status === 'sending' && (e.leaseUntil ?? 0) <= now);

/** Claim one entry for this run, in a transaction: quiet hours, consent and phone are decided here. */
async function claim(deps: Deps, id: string, now: number): Promise<Claim> {
  return deps.store.transaction(async (tx): Promise<Claim> => {
    const entry = await tx.get<OutboxEntry>('outbox', id);
    if (!entry || !isDue(entry, now)) return { kind: 'none' };
    if (entry.canWait) {
      const until = quietHoursEnd(now);
      if (until > now) {
        // 22:00–08:00: hold until 08:00 (a consent already taken stays with the entry)
        await tx.put('outbox', id, { ...entry, status: 'pending', nextAttemptAt: until, leaseUntil: null, claimId: null, results: [...entry.results, { at: now, outcome: 'deferred_quiet_hours' }].slice(-MAX_RESULTS) });
        return { kind: 'deferred' };
      }
    }
    let phone: string | null = null;
    if (entry.channel === 'subscribe' && !entry.consentTaken) {
      const subId = subscriptionId(entry.openid, entry.content.template);
      const sub = await tx.get<SubscriptionRecord>('subscriptions', subId);
      const longTerm = !!sub?.longTerm && (deps.longTermTemplates ?? []).includes(entry.content.template);
      if (!sub || (!longTerm && sub.remaining <= 0)) {
        entry.status = 'skipped';
        addResult(entry, { at: now, outcome: 'no_consent' });
        const result = await fallBackInTx(tx, entry, now);
        await tx.put('outbox', id, entry);
        return { kind: 'settled', result };
      }
      if (longTerm) {
        // 长期订阅: nothing to take; WeChat answering 43101 ends it (below)
        await tx.put('subscriptions', subId, { ...sub, used: sub.used + 1, updatedAt: now });
      } else {
        await tx.put('subscriptions', subId, { ...sub, remaining: sub.remaining - 1, used: sub.used + 1, updatedAt: now });
        entry.consentTaken = true;
      }
    }
    if (entry.channel === 'sms') {
      phone = await phoneOf(tx, entry);
      if (!phone) {
        entry.status = 'skipped';
        entry.finalNote = 'inapp_only';
        addResult(entry, { at: now, outcome: 'no_phone' });
        await tx.put('outbox', id, entry);
        return { kind: 'settled', result: 'inapp_only' };
      }
    }
    const claimId = deps.newId();
    const claimed: OutboxEntry = { ...entry, status: 'sending', attempts: entry.attempts + 1, leaseUntil: now + LEASE_MS, claimId };
    await tx.put('outbox', id, claimed);
    return { kind: 'send', entry: claimed, claimId, phone };
  });
}

async function send(deps: Deps, entry: OutboxEntry, phone: string | null): Promise<SendOutcome> {
  const channels = deps.channels!;
  const meta = { entryId: entry.entryId, messageId: entry.messageId, event: entry.event };
  try {
    if (entry.channel === 'subscribe') {
      return await channels.subscribe.send({
        openid: entry.openid, template: entry.content.template, page: SUBSCRIBE_TEMPLATES[entry.content.template].page,
        data: subscribeData(entry.content, entry.messageAt), meta,
      });
    }
    return await channels.sms.send({ phone: phone!, template: entry.content.template, params: smsParams(entry.content, entry.messageAt), meta });
  } catch (err) {
    // an adapter should answer with a value; a throw is treated as a transient failure
    return { ok: false, reason: 'unavailable', retryable: true, detail: err instanceof Error ? err.message : String(err) };
  }
}

/** Record the outcome of one send, in a transaction; may enqueue the SMS fallback. */
async function record(deps: Deps, id: string, claimId: string, out: SendOutcome, now: number, counts: DeliveryCounts): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const entry = await tx.get<OutboxEntry>('outbox', id);
    // someone else re-claimed it after our lease ran out: their record wins
    if (!entry || entry.status !== 'sending' || entry.claimId !== claimId) return;
    entry.leaseUntil = null;
    entry.claimId = null;
    if (out.ok) {
      entry.status = 'sent';
      entry.sentAt = now;
      entry.providerId = out.providerId ?? null;
      addResult(entry, { at: now, outcome: 'sent', ...(out.providerId ? { code: out.providerId } : {}) });
      await tx.put('outbox', id, entry);
      counts.sent += 1;
      return;
    }
    const subId = subscriptionId(entry.openid, entry.content.template);
    if (entry.channel === 'subscribe' && entry.consentTaken) {
      const sub = await tx.get<SubscriptionRecord>('subscriptions', subId);
      if (sub) {
        // 43101: WeChat holds no consent, whatever our count said; otherwise WeChat did not use it
        const remaining = out.reason === 'no_consent' ? 0 : sub.remaining + 1;
        await tx.put('subscriptions', subId, { ...sub, remaining, used: out.reason === 'no_consent' ? sub.used : Math.max(0, sub.used - 1), updatedAt: now });
      }
      entry.consentTaken = false;
    } else if (entry.channel === 'subscribe' && out.reason === 'no_consent') {
      // a 长期订阅 WeChat no longer holds (the person turned it off in WeChat): ended here too
      const sub = await tx.get<SubscriptionRecord>('subscriptions', subId);
      if (sub?.longTerm) await tx.put('subscriptions', subId, { ...sub, longTerm: false, remaining: 0, updatedAt: now });
    }
    const detail = [out.code, out.detail].filter(Boolean).join(' ').slice(0, 200);
    if (out.retryable && entry.attempts < MAX_ATTEMPTS) {
      entry.status = 'pending';
      entry.nextAttemptAt = now + BACKOFF_MS[Math.min(entry.attempts - 1, BACKOFF_MS.length - 1)];
      addResult(entry, { at: now, outcome: 'retry', code: out.reason, ...(detail ? { detail } : {}) });
      await tx.put('outbox', id, entry);
      counts.retried += 1;
      return;
    }
    entry.status = 'failed';
    addResult(entry, { at: now, outcome: out.reason === 'no_consent' ? 'no_consent' : 'failed', code: out.reason, ...(detail ? { detail } : {}) });
    if (out.reason !== 'no_consent') counts.failed += 1;
    if (entry.channel === 'subscribe') {
      const r = await fallBackInTx(tx, entry, now);
      if (r === 'sms') counts.fallbacks += 1;
      else counts.inAppOnly += 1;
    }
    await tx.put('outbox', id, entry);
  });
}

/** Sends per run at most (the scheduler function has 60 s); the rest wait for the next run, in order. */
export const OUTBOX_BUDGET = 400;

/**
 * One pass over the due entries: claim → send → record, one entry at a time, a bounded number per
 * run (`limit`). Fair across channels and by due time (docs/security.md "Scheduler starvation"):
 * each channel is read in its own order of `nextAttemptAt` and the two are taken in turn, so SMS
 * fallbacks do not wait behind a backlog of subscribe messages — and a fallback is due when its
 * message was (`fallBackInTx`), not when the fallback was made. Entries created during the pass
 * (SMS fallbacks) are picked up by the same pass's next round, so a citizen without consent gets
 * the SMS in the same run. Safe to run twice at once (claims are atomic).
 */
export async function deliverDue(deps: Deps, counts: DeliveryCounts, o: { limit?: number; rounds?: number } = {}): Promise<void> {
  if (!deps.channels) return;
  const budget = o.limit ?? OUTBOX_BUDGET;
  const seen = new Set<string>();
  let handled = 0;
  for (let round = 0; round < (o.rounds ?? 2) && handled < budget; round++) {
    const now = deps.clock.now();
    const queues: Array<AsyncIterator<string>> = [
      dueIds(deps, { status: 'pending', channel: 'sms', nextAttemptAt: { lte: now } }, 'nextAttemptAt', seen),
      dueIds(deps, { status: 'pending', channel: 'subscribe', nextAttemptAt: { lte: now } }, 'nextAttemptAt', seen),
      dueIds(deps, { status: 'sending', leaseUntil: { lte: now } }, 'leaseUntil', seen),
    ];
    const before = handled;
    // round-robin over the channels until each is empty or the budget is spent
    while (queues.length > 0 && handled < budget) {
      for (let i = 0; i < queues.length && handled < budget; ) {
        const next = await queues[i].next();
        if (next.done) { queues.splice(i, 1); continue; }
        seen.add(next.value);
        handled += 1;
        await deliverOne(deps, next.value, counts);
        i++;
      }
    }
    if (handled === before) return;
  }
}

/** The ids of one queue in (order field, _id) order, page by page, skipping those this run handled. */
async function* dueIds(deps: Deps, where: Where, field: string, seen: Set<string>): AsyncGenerator<string> {
  let cursor: { value: string | number; id: string } | null = null;
  for (;;) {
    const rows: Array<OutboxEntry & { _id: string }> = cursor
      ? [
        ...(await deps.store.find<OutboxEntry>('outbox', { ...where, [field]: cursor.value, _id: { gt: cursor.id } }, { orderBy: { field: '_id', direction: 'asc' }, limit: PAGE })),
        ...(await deps.store.find<OutboxEntry>('outbox', { ...where, [field]: { ...(where[field] as object), gt: cursor.value } }, { orderBy: { field, direction: 'asc' }, limit: PAGE })),
      ].slice(0, PAGE)
      : await deps.store.find<OutboxEntry>('outbox', where, { orderBy: { field, direction: 'asc' }, limit: PAGE });
    if (rows.length === 0) return;
    for (const r of rows) if (!seen.has(r._id)) yield r._id;
    const last = rows[rows.length - 1];
    const v = (last as Record<string, unknown>)[field];
    if (typeof v !== 'string' && typeof v !== 'number') return;
    cursor = { value: v, id: last._id };
    if (rows.length < PAGE) return;
  }
}

const PAGE = 100;

async function deliverOne(deps: Deps, id: string, counts: DeliveryCounts): Promise<void> {
  const now = deps.clock.now();
  let c: Claim;
  try {
    c = await claim(deps, id, now);
  } catch (err) {
    // a conflicting claim (another run) — that run has it
    deps.log?.('outbox.claim_failed', { entry: id, error: err instanceof Error ? err.message : String(err) });
    return;
  }
  if (c.kind === 'none') return;
  if (c.kind === 'deferred') {
    counts.deferredQuietHours += 1;
    return;
  }
  if (c.kind === 'settled') {
    if (c.result === 'sms') counts.fallbacks += 1;
    else counts.inAppOnly += 1;
    return;
  }
  const out = await send(deps, c.entry, c.phone);
  deps.log?.('outbox.send', { entry: id, channel: c.entry.channel, event: c.entry.event, attempt: c.entry.attempts, ok: out.ok, ...(out.ok ? {} : { reason: out.reason, code: out.code }) });
  await record(deps, id, c.claimId, out, deps.clock.now(), counts);
}
