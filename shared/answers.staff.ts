/**
 * The answers of the staff actions (shared/answers.ts holds the citizen's and re-exports these):
 * defined once for the cloud that builds them and the staff pages that read them. Types only.
 */
import type { ApplicationKind, ApplicationStatus, ApplicationView, CertificateStatus, RegistrationStatus } from './api';
import type { RefusalEvidence, UnreachableEvidence } from './contact-record';
import type { Jwks } from './offline-verify';
import type { RegistrationKind } from './registrations';

export type VerifyReason = 'malformed' | 'bad_signature' | 'unknown_key' | 'expired' | 'not_yet_valid' | 'unknown_certificate' | 'superseded' | 'revoked';

export interface VerifyAnswer {
  valid: boolean;
  reason?: VerifyReason;
  reasonText?: string;
  certificateNo?: string;
  /** masked, e.g. 王*国 — never the ID number or phone */
  holderName?: string;
  status?: CertificateStatus;
  registrationStatus?: RegistrationStatus | 'none';
  /** which registration the status is about (a person in 灵活就业 is never shown "已注销") */
  registrationKind?: 'unemployment' | 'flexible';
  /**
   * 电子证照标识 of this certificate version (GB/T 36904, shared/certificate-identifier.ts). Here, not in
   * the token: with it the token would pass QR version 10 at ECC M (qr/token.port.ts).
   */
  identifier?: string;
  /** when this answer was true (ISO-8601 +08:00) */
  validAsOf: string;
}

export type ProofReason = 'malformed' | 'bad_signature' | 'unknown_key' | 'expired' | 'not_yet_valid' | 'unknown_registration';

export interface ProofAnswer {
  valid: boolean;
  reason?: ProofReason;
  reasonText?: string;
  /** 失业登记证明 / 就业登记证明 */
  title?: string;
  kind?: RegistrationKind;
  /** masked, e.g. 王*国 */
  holderName?: string;
  regionName?: string;
  since?: string;
  issuedOn?: string;
  validUntil?: string;
  /** the registration now: 'replaced' = a later registration of the same kind took its place */
  registrationStatus?: RegistrationStatus | 'replaced';
  registrationStatusText?: string;
  validAsOf: string;
}

export interface RevocationListAnswer {
  /** compact JWS: verify with `jwks`, then read its claims (core/revocations.ts) */
  list: string;
  /** the keys that verify the list and the QR tokens now (= GET /.well-known/jwks.json) */
  jwks: Jwks;
  /** ISO-8601 +08:00 */
  issuedAt: string;
  expiresAt: string;
  /** certificate versions the list voids */
  count: number;
}

export interface QueueItem {
  applicationId: string;
  /** 办件编号 (shared/case-no.ts): what the person quotes on the phone */
  caseNo: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  holderName: string;
  idNumberMasked: string;
  region: string;
  regionName: string;
  submittedAt: string;
  dueDate: string | null;
  dueDateUncertain: boolean;
  overdue: boolean;
  reasons: string[];
  /** 催办 (remindOffice): how many times the person chased it, and when last (Beijing time); 0 / null when never */
  reminderCount: number;
  lastRemindedAt: string | null;
}

/** getApplicationDetail: the application with the answers as submitted and its region. */
export type ApplicationDetail = ApplicationView & { form: Record<string, unknown>; region: string; regionName: string };

export interface DeregistrationEvidence {
  registrationId: string;
  holderName: string;
  idNumberMasked: string;
  region: string;
  regionName: string;
  /** Beijing date the registration began */
  since: string;
  /** every recorded attempt, oldest first, in plain Chinese with who made it */
  attempts: Array<{ date: string; channel: string; channelLabel: string; reached: boolean; offers: Array<{ service: string; label: string; outcome: 'accepted' | 'refused' }>; note: string | null; byName: string; text: string }>;
  unreachable: UnreachableEvidence;
  refusals: RefusalEvidence;
  /** per evidence code: whether the record allows it, and if not why (the rule named) */
  codes: Record<string, { allowed: boolean; message: string }>;
}

export interface Deregistered { registrationId: string; status: 'deregistered'; reasonCode: string; reasonText: string; endedAt: string; holderName: string }

export interface HardshipItem {
  taskId: string;
  applicationId: string;
  holderName: string;
  idNumberMasked: string;
  categories: string[];
  region: string;
  regionName: string;
  requestedOn: string;
}

export interface ContactTaskItem {
  taskId: string;
  kind: 'contact' | 'followcall' | 'verify_employment';
  kindLabel: string;
  applicationId: string;
  holderName: string;
  phoneMasked: string;
  region: string;
  regionName: string;
  dueDate: string;
  dueDateUncertain: boolean;
  overdue: boolean;
  /** 核实就业状态: the outside record the daily comparison saw (core/comparison.ts) */
  finding?: string;
  /** the same record in parts, for staff to verify: which source, the unit or business it names, since when */
  record?: { source: string; sourceLabel: string; name: string | null; since: string | null };
}

export interface WorkbenchCounts {
  today: string;
  /** reminded: pending reviews the person has chased (催办, remindOffice) */
  reviews: { open: number; dueToday: number; overdue: number; reminded: number };
  tasks: { open: number; dueToday: number; overdue: number };
}

/** monthlyStats figures, of the whole and of each region (cloudfunctions/core/stats.ts computes them). */
export interface Figures {
  newRegistrations: number;
  deregistrations: number;
  deregistrationsByReason: Record<string, number>;
  registeredAtPeriodEnd: number;
  youth16to24: number;
  unemployedOver6Months: number;
  unemployedOver5Years: number;
  byCategory: Record<string, number>;
  /** 农村户籍 and non-local persons, reported on their own (吉人社函字〔2018〕175号 四(三)) */
  ruralOrNonLocal: {
    newRegistrations: number;
    /** of them: in stable work at the place of residence for 6 months or more / less / not asked */
    stable6MonthsOrMore: number;
    stableUnder6Months: number;
    stableNotAsked: number;
    registeredAtPeriodEnd: number;
    /** true when they are also inside the main figures (profile 'included') */
    inMainFigures: boolean;
  };
}

export interface MonthlyStats extends Figures {
  month: string;
  period: { from: string; to: string };
  byRegion: Record<string, Figures>;
}

/** 好差评 given in a period */
export interface RatingSummary {
  count: number;
  /** one decimal; null when none */
  average: number | null;
  /** index 0 = 1 star … 4 = 5 stars */
  byScore: [number, number, number, number, number];
  /** the five latest non-empty comments with their score */
  comments: Array<{ score: number; comment: string }>;
}

export type MonthlyStatsAnswer = MonthlyStats & { regionNames: Record<string, string>; ratings: RatingSummary };

/** runScheduler: what one run did */
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

export interface ComparisonReport {
  /** registrations compared in this pass */
  compared: number;
  /** new 核实就业状态 tasks opened */
  tasks: number;
  /** lookups that found a source unavailable (compared again in the next cycle) */
  unavailable: number;
  /** true when this pass finished the day's cycle */
  cycleDone: boolean;
}
