/**
 * Paging for the scheduled passes (follow-ups, review reminders and escalations, contact-task
 * escalations, outbox delivery): every pass walks ALL of its work, a bounded amount per run, in a
 * stable order, and resumes where the previous run stopped (docs/security.md "Scheduler
 * starvation"). Before, each pass read the first 200/500 rows and stopped: with more work than that,
 * the rows at the back were never reached.
 *
 * Keyset paging on (order field, `_id`) — both stores break ties by `_id` — so rows that change
 * while a pass runs are neither skipped nor repeated. A pass whose handled rows stay in its query
 * (a reminder already sent) stores a cursor in `counters/cursor:<pass>`; at the end of the list the
 * cursor wraps to the start, and the same run goes on from the start until its bounds, so the
 * front is not starved either. Running twice at once is safe: each row's work is its own
 * transaction, idempotent by a deterministic id.
 */
import { ids } from './collections';
import type { Deps } from './deps';
import type { Collection, Condition, Doc, Where } from './store.port';

export interface Cursor { value: string | number; id: string }

export interface PassSpec {
  /** names the stored cursor; omit for a pass whose handled rows leave its query (the outbox) */
  pass?: string;
  collection: Collection;
  where: Where;
  /** the order field: a top-level string or number field of every row */
  orderField: string;
  /** rows read per query */
  pageSize?: number;
  /** at most this many rows visited per run */
  scanLimit: number;
  /** at most this many rows *worked* per run (the callback answers true when it did something) */
  budget: number;
}

export interface PassReport { visited: number; worked: number; wrapped: boolean; cursor: Cursor | null }


function after(where: Where, field: string, c: Cursor): Where[] {
  const existing = where[field];
  const range = existing && typeof existing === 'object' && !('prefix' in existing) && !('in' in existing) ? existing : {};
  return [
    { ...where, [field]: c.value, _id: { gt: c.id } },
    { ...where, [field]: { ...range, gt: c.value } as Condition },
  ];
}

/** One page of rows strictly after `c` (from the start when null), in (field, _id) order. */
async function page<T extends Doc>(deps: Deps, spec: PassSpec, c: Cursor | null, n: number): Promise<Array<T & { _id: string }>> {
  if (!c) return deps.store.find<T>(spec.collection, spec.where, { orderBy: { field: spec.orderField, direction: 'asc' }, limit: n });
  const [same, later] = after(spec.where, spec.orderField, c);
  const ties = await deps.store.find<T>(spec.collection, same, { orderBy: { field: '_id', direction: 'asc' }, limit: n });
  if (ties.length >= n) return ties;
  const rest = await deps.store.find<T>(spec.collection, later, { orderBy: { field: spec.orderField, direction: 'asc' }, limit: n - ties.length });
  return [...ties, ...rest];
}

function keyOf(spec: PassSpec, row: Doc & { _id: string }): Cursor | null {
  const v = row[spec.orderField];
  return typeof v === 'string' || typeof v === 'number' ? { value: v, id: row._id } : null;
}

/**
 * Runs `work` on the rows of a pass, from its stored cursor, until the list is done (once round,
 * wrapping to the start) or a bound is reached; stores where it stopped. `work` returns true when
 * it did something (a message written, a send made).
 */
export async function runPass<T extends Doc>(deps: Deps, spec: PassSpec, work: (row: T & { _id: string }) => Promise<boolean>): Promise<PassReport> {
  const size = spec.pageSize ?? 200;
  const stored = spec.pass ? await deps.store.get<{ value?: unknown; id?: unknown }>('counters', ids.passCursor(spec.pass)) : null;
  const start: Cursor | null = stored && (typeof stored.value === 'string' || typeof stored.value === 'number') && typeof stored.id === 'string' ? { value: stored.value, id: stored.id } : null;
  const seen = new Set<string>();
  const report: PassReport = { visited: 0, worked: 0, wrapped: false, cursor: start };
  let c = start;
  let stoppedAt: Cursor | null = null;
  let bounded = false;
  outer: for (;;) {
    const rows = await page<T>(deps, spec, c, size);
    for (const row of rows) {
      if (seen.has(row._id)) break outer; // wrapped round to where this run began
      if (report.visited >= spec.scanLimit || report.worked >= spec.budget) { bounded = true; break outer; }
      seen.add(row._id);
      report.visited += 1;
      if (await work(row)) report.worked += 1;
      c = keyOf(spec, row);
      stoppedAt = c;
      if (!c) break outer; // a row without an order value cannot be paged past
    }
    if (rows.length < size) {
      // the end of the list: from the start again, once, up to the bounds (the front is not starved)
      if (report.wrapped || start === null) { stoppedAt = null; break; }
      report.wrapped = true;
      c = null;
      stoppedAt = null;
    }
  }
  report.cursor = bounded ? stoppedAt : null;
  if (spec.pass) await deps.store.put('counters', ids.passCursor(spec.pass), { value: report.cursor?.value ?? null, id: report.cursor?.id ?? null, at: deps.clock.now() });
  return report;
}
