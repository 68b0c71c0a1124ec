/**
 * `runScheduler`: what the timer-triggered cloud function does every 10 minutes
 * (functions/scheduler/config.json; locally POST /api/runScheduler). First the events that are
 * due — monthly follow-ups, review reminders and escalations, overdue contact tasks (core/schedule.ts) — are written
 * with their messages; then the outbox is delivered, so those go out in the same run (quiet
 * hours permitting). Safe to run twice, and twice at once: see core/outbox.ts.
 */
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import { beijingIso } from '@shared/dates';
import type { Deps } from '../deps';
import { deliverDue, emptyDeliveryCounts } from '../outbox';
import { reviewDeadlines, staffTaskDeadlines } from '../deadlines';
import { followUpsDue } from '../follow-ups';
import { deliverInsuranceClaims } from '../insurance-claims';
import { compareActiveRegistrations } from '../comparison';
import type { SchedulerReport } from '@shared/answers';
export type { SchedulerReport };

export async function runScheduler(_input: unknown, deps: Deps): Promise<Result<SchedulerReport>> {
  const now = deps.clock.now();
  const followUps = await followUpsDue(deps, now);
  const { reminders, escalations } = await reviewDeadlines(deps, now);
  const tasks = await staffTaskDeadlines(deps, now);
  const contactEscalations = tasks.escalations;
  const comparison = await compareActiveRegistrations(deps, now);
  const insuranceClaims = await deliverInsuranceClaims(deps, now);
  const counts = emptyDeliveryCounts();
  await deliverDue(deps, counts);
  const report: SchedulerReport = { ...counts, reminders, escalations, contactEscalations, taskReminders: tasks.reminders, tasksClosed: tasks.closed, insuranceClaims, followUps, comparison, at: beijingIso(now) };
  deps.log?.('scheduler.run', { ...report });
  return ok(report);
}
