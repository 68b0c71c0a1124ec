/**
 * The life of an application and of the registration it creates — the "申请—登记—服务—退出" loop
 * of 人社厅发〔2020〕79号 二(六) that the citizen follows on the progress page (docs/product.md flow 4).
 *
 * Pure: every function takes the time as an argument (`at`, an instant) and returns a new object;
 * nothing here reads the clock or mutates its input. A refused move is a value (`Result` from
 * api.ts, code CONFLICT), so a handler can return it as is.
 *
 *   submitted ──(秒办: every check passed)──────────────▶ approved
 *       └──────(any check failed or a source was down)──▶ pending_review ──▶ approved | rejected | withdrawn | returned
 *   returned (退回补正) ──(the corrected submission, a new application linked to it)──▶ resubmitted
 *
 * `submitted` is where every application starts and is never stored as its status: the cloud
 * decides in the same request (docs/product.md "the machine never rejects"; 渝人社办〔2020〕79号 三 秒办).
 * approved, rejected and withdrawn are final. What happens later to an approved 失业登记 —
 * services, then deregistration (注销, 人社厅发〔2020〕79号 一(四)) — happens to the *registration*, whose
 * own machine is `active → deregistered`; its steps are added to the application's timeline with
 * `recordEvent` so the citizen still reads one story.
 */
import { fail, ok } from './api';
import type { ApplicationStatus, RegistrationStatus, Result, TimelineEntry } from './api';
import { beijingIso } from './dates';
import type { Instant } from './dates';

/** `submitted` is the start state of every application; it is not an `ApplicationStatus`. */
export type LifecycleState = 'submitted' | ApplicationStatus;

/** What a timeline entry's `status` may say (TimelineEntry.status in api.ts). */
export type TimelineStatus =
  | 'submitted'
  | 'checked'
  | 'pending_review'
  | 'approved'
  | 'rejected'
  | 'withdrawn'
  | 'returned'
  | 'resubmitted'
  | 'services'
  | 'deregistered';

/** What the citizen reads for each timeline step (docs/product.md flow 4). */
export const TIMELINE_LABELS: Readonly<Record<TimelineStatus, string>> = Object.freeze({
  submitted: '已提交',
  checked: '系统比对',
  pending_review: '待人工审核',
  approved: '已办结（通过）',
  rejected: '未通过',
  withdrawn: '已撤回',
  returned: '退回补正',
  resubmitted: '已补正重新提交',
  services: '登记服务',
  deregistered: '已注销',
});

/** The moves an application may make; anything not listed is refused. */
export const APPLICATION_TRANSITIONS: Readonly<Record<LifecycleState, readonly ApplicationStatus[]>> = Object.freeze({
  // 秒办 approves at once; anything short of all checks passing goes to a person (docs/product.md).
  submitted: ['approved', 'pending_review'],
  // staff approve or reject (only staff reject); the citizen may withdraw while it waits
  // 退回补正 (issue 20): staff return it saying what to correct
  pending_review: ['approved', 'rejected', 'withdrawn', 'returned'],
  // final: a decision is not re-opened here; an approved registration ends by deregistration
  approved: [],
  // 复核: a rejection goes back before another staff member once, at the person's request
  // (cloudfunctions/core/handlers/requestReview.handler.ts)
  rejected: ['pending_review'],
  withdrawn: [],
  // the person resubmits it corrected (a new application linked to this one), or withdraws it
  returned: ['resubmitted', 'withdrawn'],
  resubmitted: [],
});

export const REGISTRATION_TRANSITIONS: Readonly<Record<RegistrationStatus, readonly RegistrationStatus[]>> = Object.freeze({
  active: ['deregistered'],
  // a new registration is a new application, never a revived one
  deregistered: [],
});

/**
 * The non-status steps of the timeline, and the status the application must have for each:
 * the checks are run on a submitted application (or re-run while it waits for review);
 * services and deregistration concern the registration of an approved application.
 */
export const EVENT_REQUIRES: Readonly<Record<'checked' | 'services' | 'deregistered', readonly LifecycleState[]>> = Object.freeze({
  checked: ['submitted', 'pending_review'],
  services: ['approved'],
  deregistered: ['approved'],
});

export type TimelineEvent = keyof typeof EVENT_REQUIRES;

/** Final for the machine; a rejection may still be reviewed once (复核), so it counts as decided, not final. */
export function isFinal(status: LifecycleState): boolean {
  return APPLICATION_TRANSITIONS[status]?.length === 0 || status === 'rejected';
}

export function canTransition(from: LifecycleState, to: LifecycleState): boolean {
  return (APPLICATION_TRANSITIONS[from] as readonly LifecycleState[] | undefined)?.includes(to) ?? false;
}

export function canTransitionRegistration(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return REGISTRATION_TRANSITIONS[from]?.includes(to) ?? false;
}

/** The least an application needs to move through its life; handlers pass their whole record. */
export interface HasLifecycle {
  status: LifecycleState;
  timeline: readonly TimelineEntry[];
}

export interface HasRegistrationLifecycle {
  status: RegistrationStatus;
  /** registrations stored before they had a timeline have none: the first move starts it */
  timeline?: readonly TimelineEntry[];
}

function entry(status: TimelineStatus, at: Instant, note?: string): TimelineEntry {
  const e: TimelineEntry = { status, at: beijingIso(at) };
  if (note !== undefined && note !== '') e.note = note;
  return e;
}

/** Why a move is refused, in words for the person who tried it. */
function refusal(from: LifecycleState, to: LifecycleState | TimelineEvent): string {
  // labels of final states read as a sentence: "该申请已撤回" / "该申请未通过" / "该申请已办结（通过）"
  const label = (s: string): string => TIMELINE_LABELS[s as TimelineStatus] ?? s;
  if (isFinal(from)) return `该申请${label(from)}，不能再变更为“${label(to)}”`;
  return `该申请当前为“${label(from)}”，不能变更为“${label(to)}”`;
}

/** A new registration: `active`, its timeline opened with the approval that created it. */
export function activeRegistration(at: Instant, note?: string): { status: 'active'; timeline: TimelineEntry[] } {
  return { status: 'active', timeline: [entry('approved', at, note)] };
}

/** A new application: status `submitted` with its first timeline entry. Status and decision follow via `transition`. */
export function submitted(at: Instant, note?: string): { status: 'submitted'; timeline: TimelineEntry[] } {
  return { status: 'submitted', timeline: [entry('submitted', at, note)] };
}

/** `T` after a move: its status an `ApplicationStatus`, every other field (index signatures too) kept. */
export type Moved<T> = { [K in keyof T]: K extends 'status' ? ApplicationStatus : K extends 'timeline' ? TimelineEntry[] : T[K] };

/**
 * Moves `app` to `to` at instant `at`, appending a timeline entry named after the new status.
 * Returns a new object (the input is untouched) or a CONFLICT error for a move the machine does
 * not allow — e.g. a reviewer deciding an application the citizen has just withdrawn.
 */
export function transition<T extends HasLifecycle>(
  app: T,
  to: ApplicationStatus,
  at: Instant,
  note?: string,
): Result<Moved<T>> {
  if (!canTransition(app.status, to)) return fail('CONFLICT', refusal(app.status, to));
  return ok({ ...app, status: to, timeline: [...app.timeline, entry(to, at, note)] } as Moved<T>);
}

/** Adds a non-status step (系统比对, 登记服务, 已注销) to an application's timeline, when its status allows it. */
export function recordEvent<T extends HasLifecycle>(app: T, event: TimelineEvent, at: Instant, note?: string): Result<T> {
  if (!EVENT_REQUIRES[event].includes(app.status)) return fail('CONFLICT', refusal(app.status, event));
  return ok({ ...app, timeline: [...app.timeline, entry(event, at, note)] });
}

/**
 * Moves a registration (active → deregistered). The reason code and its verification note are the
 * caller's rules (AJC00A; codes 31/32 need a note and never run automatically, 人社厅发〔2020〕79号 一(四)).
 */
export function transitionRegistration<T extends HasRegistrationLifecycle>(
  reg: T,
  to: RegistrationStatus,
  at: Instant,
  note?: string,
): Result<T & { status: RegistrationStatus; timeline: TimelineEntry[] }> {
  if (!canTransitionRegistration(reg.status, to)) {
    return fail('CONFLICT', reg.status === 'deregistered' ? '该登记已注销，不能再次办理' : '该登记状态不能这样变更');
  }
  // the only move is to `deregistered`, so the entry is always 已注销
  return ok({ ...reg, status: to, timeline: [...(reg.timeline ?? []), entry('deregistered', at, note)] });
}
