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
 * One module per responsibility, as GOV.UK Notify splits it:
 * - outbox/entry.ts — the entry, its id and its bounded result log;
 * - outbox/backoff.ts — due, lease, back-off and when to give up;
 * - outbox/consent.ts — subscribe consent taken at claim, given back or ended on failure;
 * - outbox/fallback.ts — subscribe → SMS → in-app list only;
 * - outbox/claim.ts — pending → sending in a transaction (quiet hours, consent, phone decided there);
 * - outbox/deliver.ts — the channel call and its outcome recorded;
 * - outbox/run.ts — one bounded, channel-fair scheduler pass.
 * Importers use this file; the modules behind it may move.
 */
export type { Channel, DeliveryResult, NewOutboxEntry, OutboxEntry, OutboxStatus } from './outbox/entry';
export { newOutboxEntry, outboxId } from './outbox/entry';
export { BACKOFF_MS, LEASE_MS, MAX_ATTEMPTS } from './outbox/backoff';
export type { SubscriptionRecord } from './outbox/consent';
export { subscriptionId } from './outbox/consent';
export type { DeliveryCounts } from './outbox/deliver';
export { emptyDeliveryCounts } from './outbox/deliver';
export { OUTBOX_BUDGET, deliverDue } from './outbox/run';
