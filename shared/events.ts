/**
 * The names of the events a message is written for (core/messages.ts `writeMessageInTx`), in one
 * table: each name with who receives it and when it is written. A message's push is derived from
 * its event (core/messages.ts `pushContentFor`): `<kind>.<outcome>` of an application or a
 * registration reads as a 办理结果通知, every other event as a 服务提醒. A name not in this table
 * does not compile, so a typo cannot send a message nobody's code recognises.
 */
import type { ApplicationKind } from './api';
import type { RegistrationKind } from './registrations';

/** What became of an application, as the second half of its event name. */
export const APPLICATION_OUTCOMES = ['approved', 'pending_review', 'rejected', 'returned', 'withdrawn', 'review_requested'] as const;
export type ApplicationOutcome = (typeof APPLICATION_OUTCOMES)[number];

export type MessageEvent =
  | `${ApplicationKind}.${ApplicationOutcome}`
  | `${RegistrationKind}.deregistered`
  | 'unemployment.services'
  | 'unemployment.followup'
  | 'unemployment.followup_employed'
  | 'unemployment.hardship_requested'
  | 'unemployment.hardship_recognized'
  | 'unemployment.hardship_not_recognized'
  | 'unemployment.insurance_claim_queued'
  | 'unemployment.insurance_claim_sent'
  | 'unemployment.insurance_claim_failed'
  | 'insurance_claim.failed'
  | 'registration.updated'
  | 'registration.verify'
  | 'registration.staff_notice'
  | 'review.reminder'
  | 'review.escalation'
  | 'review.remind'
  | 'task.reminder'
  | 'task.escalation'
  | 'contact.escalation'
  | 'identity.counter'
  | 'identity.newDevice'
  | 'delegation.accepted'
  | 'delegation.revoked'
  | 'delegation.acted'
  | 'certificate.reissued'
  | 'certificate.verified'
  | 'certificate.shareViewed'
  | 'proof.verified';

export interface MessageEventInfo {
  to: 'citizen' | 'staff';
  /** when it is written */
  when: string;
}

const outcomeEvents = (kind: ApplicationKind, what: string): Record<`${ApplicationKind}.${ApplicationOutcome}`, MessageEventInfo> => ({
  [`${kind}.approved`]: { to: 'citizen', when: `${what}: 办结 (秒办 or staff approval)` },
  [`${kind}.pending_review`]: { to: 'citizen', when: `${what}: submitted, waiting for staff review` },
  [`${kind}.rejected`]: { to: 'citizen', when: `${what}: staff did not approve` },
  [`${kind}.returned`]: { to: 'citizen', when: `${what}: 退回补正, to be corrected and submitted again` },
  [`${kind}.withdrawn`]: { to: 'citizen', when: `${what}: the person withdrew it` },
  [`${kind}.review_requested`]: { to: 'citizen', when: `${what}: the person asked for a review of the decision` },
}) as Record<`${ApplicationKind}.${ApplicationOutcome}`, MessageEventInfo>;

/** Every event name, who receives it and when it is written. */
export const MESSAGE_EVENTS: Readonly<Record<MessageEvent, MessageEventInfo>> = Object.freeze({
  ...outcomeEvents('certificate', '申领《就业创业证》'),
  ...outcomeEvents('unemployment', '失业登记'),
  ...outcomeEvents('flexible', '灵活就业登记'),
  'unemployment.deregistered': { to: 'citizen', when: '失业登记 ended (注销) by staff or by an opening 灵活就业登记' },
  'flexible.deregistered': { to: 'citizen', when: '灵活就业登记 ended by staff or by an opening 失业登记' },
  'unemployment.services': { to: 'citizen', when: 'the services a new 失业登记 is offered in its region' },
  'unemployment.followup': { to: 'citizen', when: 'the monthly follow-up of an active 失业登记' },
  'unemployment.followup_employed': { to: 'citizen', when: 'a follow-up call recorded the person as employed' },
  'unemployment.hardship_requested': { to: 'citizen', when: '就业困难人员认定 requested with a 失业登记' },
  'unemployment.hardship_recognized': { to: 'citizen', when: '就业困难人员认定: recognised' },
  'unemployment.hardship_not_recognized': { to: 'citizen', when: '就业困难人员认定: not recognised' },
  'unemployment.insurance_claim_queued': { to: 'citizen', when: '失业保险金 claim queued for the insurance system' },
  'unemployment.insurance_claim_sent': { to: 'citizen', when: '失业保险金 claim handed to the insurance system' },
  'unemployment.insurance_claim_failed': { to: 'citizen', when: '失业保险金 claim could not be handed over' },
  'insurance_claim.failed': { to: 'staff', when: 'a 失业保险金 claim could not be handed over: staff hand it over' },
  'registration.updated': { to: 'citizen', when: 'the person updated their registration' },
  'registration.verify': { to: 'citizen', when: 'the monthly comparison found a record to verify' },
  'registration.staff_notice': { to: 'staff', when: 'a person reported a change staff must act on' },
  'review.reminder': { to: 'staff', when: 'an application waiting for review is near its due date' },
  'review.escalation': { to: 'staff', when: 'an application waiting for review is past its due date' },
  'review.remind': { to: 'staff', when: 'the person pressed 催办 on an overdue application' },
  'task.reminder': { to: 'staff', when: 'a task is near its due date' },
  'task.escalation': { to: 'staff', when: 'a task is past its due date' },
  'contact.escalation': { to: 'staff', when: 'a first contact is past its due date' },
  'identity.counter': { to: 'citizen', when: 'staff confirmed the person at the counter' },
  'identity.newDevice': { to: 'citizen', when: 'another WeChat account was bound to the person' },
  'delegation.accepted': { to: 'citizen', when: 'a family member accepted the invitation to help' },
  'delegation.revoked': { to: 'citizen', when: 'a family delegation was revoked' },
  'delegation.acted': { to: 'citizen', when: 'a helper submitted for the person' },
  'certificate.reissued': { to: 'citizen', when: 'the electronic certificate was reissued (补发)' },
  'certificate.verified': { to: 'citizen', when: 'staff checked the certificate QR' },
  'certificate.shareViewed': { to: 'citizen', when: 'someone opened a share code of the certificate' },
  'proof.verified': { to: 'citizen', when: 'staff checked a registration proof' },
});

/**
 * The event of an application that has just moved to `status` (approved, pending_review, rejected,
 * returned, …). A status no message is written for (e.g. resubmitted) is a bug in the caller.
 */
export function outcomeEvent(kind: ApplicationKind, status: string): MessageEvent {
  if (!(APPLICATION_OUTCOMES as readonly string[]).includes(status)) throw new Error(`no message event for a ${kind} application now ${status}`);
  return `${kind}.${status as ApplicationOutcome}`;
}

export function isMessageEvent(event: unknown): event is MessageEvent {
  return typeof event === 'string' && Object.prototype.hasOwnProperty.call(MESSAGE_EVENTS, event);
}
