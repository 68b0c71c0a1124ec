/**
 * One scheduler pass over the due entries, bounded and fair across channels
 * (docs/security.md "Scheduler starvation").
 */
import type { Deps } from '../deps';
import type { Where } from '../store.port';
import { deliverOne, type DeliveryCounts } from './deliver';
import type { OutboxEntry } from './entry';
import { findRecords } from '../collections';

/** Sends per run at most (the scheduler function has 60 s); the rest wait for the next run, in order. */
export const OUTBOX_BUDGET = 400;

const PAGE = 100;

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
        ...(await findRecords(deps.store, 'outbox', { ...where, [field]: cursor.value, _id: { gt: cursor.id } }, { orderBy: { field: '_id', direction: 'asc' }, limit: PAGE })),
        ...(await findRecords(deps.store, 'outbox', { ...where, [field]: { ...(where[field] as object), gt: cursor.value } }, { orderBy: { field, direction: 'asc' }, limit: PAGE })),
      ].slice(0, PAGE)
      : await findRecords(deps.store, 'outbox', where, { orderBy: { field, direction: 'asc' }, limit: PAGE });
    if (rows.length === 0) return;
    for (const r of rows) if (!seen.has(r._id)) yield r._id;
    const last = rows[rows.length - 1];
    const v = (last as Record<string, unknown>)[field];
    if (typeof v !== 'string' && typeof v !== 'number') return;
    cursor = { value: v, id: last._id };
    if (rows.length < PAGE) return;
  }
}
