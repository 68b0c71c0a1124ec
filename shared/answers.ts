/**
 * The answers of the actions (the `data` of an ok `Result`), defined once for the cloud that builds
 * them and the pages that read them (shared/contract.ts maps each action to its answer). Types only:
 * importing them with `import type` adds nothing to a bundle.
 */
import type { ApplicationKind, ApplicationView, CertificateView } from './api';
import type { CommitmentKind } from './commitment';
import type { RegistrationKind } from './registrations';
import type { SharePurposeCode } from './share';
import type { TemplateKey } from './notify';

// ---- citizen ---------------------------------------------------------------

/** getReturnedApplication: a returned application's answers, to correct them (退回补正). */
export interface ReturnedApplication {
  applicationId: string;
  caseNo: string;
  kind: ApplicationKind;
  /** what staff asked to correct */
  returnedFor: string;
  /** the answers as submitted, to open the form pre-filled; the commitment is not included (it is given again) */
  form: Record<string, unknown>;
}

export interface ReportEmploymentAnswer { registrationId: string; status: 'deregistered'; reasonCode: string; reasonText: string; endedAt: string }

export interface UpdateRegistrationAnswer { registrationId: string; kind: RegistrationKind; changed: string[]; regionChanged: boolean }

/** getCommitments: each commitment's current version and full text. */
export interface PublishedCommitment {
  kind: CommitmentKind;
  /** the action whose `commitment.textVersion` takes this version */
  action: 'applyCertificate' | 'submitUnemploymentRegistration' | 'submitFlexibleEmployment';
  version: string;
  text: string;
}

export interface MessageView { messageId: string; title: string; body: string; at: string; applicationId?: string }

/** whoAmI */
export interface Me { role: 'citizen' | 'verifier' | 'reviewer' | 'admin'; staffName?: string; region?: string }

export interface DelegationView {
  delegationId: string;
  /** 'person': I am helped; 'helper': I help */
  role: 'person' | 'helper';
  /** the other party, masked */
  otherName: string;
  status: 'invited' | 'active' | 'revoked' | 'expired';
  createdAt: string;
  expiresAt: string;
  acceptedAt?: string;
}

export interface MyDataPerson {
  /** the person's own fields as last submitted (their own data: not masked) */
  person: Record<string, unknown> | null;
  applications: ApplicationView[];
  certificate: CertificateView | null;
  registrations: Array<{ kind: string; status: string; since: string; endedAt?: string }>;
  /** WeChat accounts that may act as the person: masked, how and when bound */
  devices: Array<{ account: string; via: 'face' | 'counter'; since: string; thisDevice: boolean }>;
  delegations: Array<{ helper: string; status: string; since: string }>;
  messages: number;
}

export interface ReadEntry {
  at: string;
  office: string;
  role: string;
  /** masked */
  who: string;
  purpose: string;
}

/** startRealPersonCheck: how the 实人核验 goes on (`counter`: not offered here, go to the counter). */
export type RealPersonStart =
  | { mode: 'simulated'; checkToken: string }
  | { mode: 'wechat'; checkToken: string; verifyId: string }
  | { mode: 'counter' };

export interface ConfirmAnswer {
  passed: boolean;
  /** the openid is now bound to the person: it reads their records (identity base matched too) */
  bound: boolean;
  detail: string;
  /** where to go when the check did not pass */
  counterRoute?: string;
}

export interface ReminderChannel {
  template: TemplateKey;
  /** 办理结果通知 / 服务提醒 */
  title: string;
  /** WeChat notices: long-term, a number of one-time sends left, or none */
  wechat: 'long_term' | 'once' | 'none';
  remaining: number;
  /** whether this deployment offers 长期订阅 for the template */
  longTermAvailable: boolean;
}

export interface ShareCodeView {
  shareId: string;
  /** the code while the share is active (the holder may show it again); absent once it has ended */
  code?: string;
  /** ABCD-EFGH */
  codeDisplay?: string;
  purpose: SharePurposeCode;
  purposeLabel: string;
  /** what the verifier sees, in plain words */
  shows: string;
  showFullName: boolean;
  certificateNo: string;
  status: 'active' | 'expired' | 'revoked';
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
  views: number;
  lastViewedAt?: string;
}

export interface SharedCertificateView {
  valid: boolean;
  /** why not, when the certificate itself is no longer valid */
  reasonText?: string;
  purpose: SharePurposeCode;
  purposeLabel: string;
  /** masked (王*国) unless the holder chose to show it in full */
  holderName?: string;
  registration?: {
    status: 'active' | 'deregistered' | 'none';
    kind?: 'unemployment' | 'flexible';
    /** Beijing date the registration began */
    since?: string;
    /** Beijing date it ended, when it has */
    endedOn?: string;
    /** e.g. 失业登记有效（2026-03-10 起） */
    text: string;
  };
  certificateNo?: string;
  identifier?: string;
  issuingRegion?: string;
  issuingRegionName?: string;
  /** when this answer was true (ISO-8601 +08:00) */
  validAsOf: string;
  /** when the share code stops working */
  expiresAt: string;
}

// the staff actions' answers
export type * from './answers.staff';
