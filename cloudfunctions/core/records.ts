/**
 * What the store holds. Rows ↔ domain mapping lives here so handlers agree on one shape.
 * Full ID numbers and phones are stored (the national export needs AAC002), but they never
 * leave through a view, a log or a QR without masking (docs/product.md "Privacy and security").
 */
import type { ApplicationKind, ApplicationStatus, CertificateStatus, Check, RegistrationStatus, TimelineEntry } from '@shared/api';
import type { MessageEvent } from '@shared/events';
import type { LifecycleState } from '@shared/lifecycle';
import type { CertificateEntries, ProvincialCertificate } from '@shared/certificate-entries';
import type { stampCommitment } from '@shared/commitment';

/** A written commitment as stored: what the person accepted, its version and time. */
export type StampedCommitment = ReturnType<typeof stampCommitment>;

export interface PersonRecord {
  name: string;
  idType: string;
  idNumber: string;
  gender: string;
  phone?: string;
  [field: string]: unknown;
}

/** Every field of an application but its status. */
export interface ApplicationFields {
  [key: string]: unknown;
  applicationId: string;
  kind: ApplicationKind;
  openid: string;
  personKey: string;
  requestId: string;
  /** 行政区划代码 (county) the application belongs to: staff of that region review it */
  region: string;
  /** epoch ms */
  submittedAt: number;
  /** epoch ms of approval (秒办 or staff), for the monthly statistics */
  approvedAt: number | null;
  dueDate: string | null;
  dueDateUncertain: boolean;
  checks: Check[];
  timeline: TimelineEntry[];
  /**
   * The person's answers, stored once: the validated form (without its requestId and commitment),
   * kept current by 我的登记 (updateMyRegistration). Read them through `answersOf`.
   */
  person: PersonRecord;
  /** the written commitment as accepted: its text, version and time (shared/commitment.ts stampCommitment) */
  commitment?: StampedCommitment;
  /**
   * Records written before the form was stored once also hold the whole input again here (the
   * answers, requestId and commitment). Never written now; read through `answersOf` / `commitmentOf`.
   */
  form?: Record<string, unknown>;
  certificateNo: string | null;
  decision: null | { decision: 'approve' | 'reject' | 'return'; reasonCode?: string; note?: string; at: string; by: string };
  /** 退回补正: the returned application this one corrects, and on the returned one its correction */
  correctsApplicationId?: string;
  correctedByApplicationId?: string;
  reviewReasons: string[];
  /**
   * 申领: the 《就业创业证》 the provincial system held when it was submitted (looked up with the other
   * outside data): approval then 换发 it or 补发 its number (core/certificates.ts)
   */
  priorCertificate?: ProvincialCertificate | null;
}

export interface ApplicationRecord extends ApplicationFields {
  status: ApplicationStatus;
}

/** An application on its way through shared/lifecycle.ts, which starts at `submitted` (never stored). */
export interface ApplicationInLife extends ApplicationFields {
  status: LifecycleState;
}

export interface CertificateRecord {
  [key: string]: unknown;
  certificateNo: string;
  personKey: string;
  version: number;
  status: CertificateStatus;
  name: string;
  idType: string;
  idNumber: string;
  issuingRegion: string;
  issuedAt: number;
  /** the application that issued this version */
  applicationId: string;
  /** earlier versions (补发): their numbers stop verifying at once */
  history: Array<{ version: number; issuedAt: number; endedAt: number; reason: string }>;
  /** written by a 补发 or 换发 (大人社规发〔2025〕2号 一(四)); absent on a first issue */
  entries?: CertificateEntries;
  /** 换发: the other city's certificate this one replaces */
  exchangedFrom?: { certificateNo: string; issuingRegion: string; issuedOn: string };
}

export interface RegistrationRecord {
  [key: string]: unknown;
  registrationId: string;
  kind: 'unemployment' | 'flexible';
  personKey: string;
  status: RegistrationStatus;
  applicationId: string;
  region: string;
  since: number;
  endedAt: number | null;
  endReasonCode: string | null;
}

export interface RequestRecord {
  [key: string]: unknown;
  openid: string;
  requestId: string;
  action: string;
  answer: unknown;
  at: number;
}

export interface MessageRecord {
  [key: string]: unknown;
  messageId: string;
  openid: string;
  personKey: string | null;
  title: string;
  body: string;
  createdAt: number;
  event: MessageEvent;
  applicationId?: string;
}

/**
 * The person's answers on an application: `person` (current), over what an older record also kept in
 * `form` (the input as first filed); never the requestId or the commitment.
 */
export function answersOf(app: Pick<ApplicationFields, 'person' | 'form'>): Record<string, unknown> {
  const { commitment: _c, requestId: _r, person: _p, ...filed } = app.form ?? {};
  return { ...filed, ...app.person };
}

/** The written commitment an application carries (older records keep it in `form.commitment`). */
export function commitmentOf(app: Pick<ApplicationFields, 'commitment' | 'form'>): Record<string, unknown> | undefined {
  return app.commitment ?? (app.form?.commitment as Record<string, unknown> | undefined);
}
