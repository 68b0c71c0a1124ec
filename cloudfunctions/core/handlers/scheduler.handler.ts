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
import { followUpsDue, reviewDeadlines, staffTaskDeadlines } from '../schedule';
import { deliverInsuranceClaims } from '../insurance-claims';
import { compareActiveRegistrations, type ComparisonReport } from '../comparison';

export interface SchedulerReport {
  /** pushes accepted by a provider in this run */
  sent: number;
  /** sends that failed and were rescheduled with backoff */
  retried: number;
  /** sends given up after the last attempt or refused for good (SMS fallback follows for subscribe) */
  failed: number;
  /** review reminders written (applications) */
  reminders: number;
  /** overdue escalations written (applications) */
  escalations: number;
  /** overdue contact tasks escalated to admins */
  contactEscalations: number;
  /** monthly follow-up messages written */
  followUps: number;
  /** staff contact tasks (first contact, monthly call, 核实就业状态) due within a working day: reminders written */
  taskReminders: number;
  /** staff contact tasks closed because the registration ended */
  tasksClosed: number;
  /** 失业保险金 claims handed on (core/insurance-claims.ts) */
  insuranceClaims: { sent: number; retrying: number; failed: number };
  /** the daily comparison of active registrations with the outside data (core/comparison.ts) */
  comparison: ComparisonReport;
  /** pushes held until 08:00 */
  deferredQuietHours: number;
  /** subscribe → SMS */
  fallbacks: number;
  /** no consent and no phone: the in-app list only */
  inAppOnly: number;
  at: string;
}

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
