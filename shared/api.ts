/**
 * The API contract between the client and the cloud (docs/api.md).
 * One place for action names, who may call them, which cloud function serves them,
 * error codes with their HTTP status, and the shapes of answers.
 * No platform imports: this file runs in the mini-program, in H5 and in Node.
 */

export type Role = 'verifier' | 'reviewer' | 'admin';

/**
 * Who may call an action. `citizen` = any identified openid; a role = staff of at least that role;
 * `public` = anyone, no account (the handler limits its callers); `local` = the local gateway only.
 */
export type Audience = 'citizen' | Role | 'local' | 'public';

/** Each action is served by one cloud function (grouped by audience to keep cold starts few). */
export type FunctionName = 'citizen' | 'staff' | 'scheduler';

export const ACTIONS = {
  applyCertificate: { fn: 'citizen', audience: 'citizen' },
  reissueCertificate: { fn: 'citizen', audience: 'citizen' },
  submitUnemploymentRegistration: { fn: 'citizen', audience: 'citizen' },
  submitFlexibleEmployment: { fn: 'citizen', audience: 'citizen' },
  getProgress: { fn: 'citizen', audience: 'citizen' },
  listMyApplications: { fn: 'citizen', audience: 'citizen' },
  getMyCertificate: { fn: 'citizen', audience: 'citizen' },
  // issue 18: share codes by the holder's consent; anyone views one, no account (core/share-codes.ts)
  createShareCode: { fn: 'citizen', audience: 'citizen' },
  listShareCodes: { fn: 'citizen', audience: 'citizen' },
  revokeShareCode: { fn: 'citizen', audience: 'citizen' },
  viewSharedCertificate: { fn: 'citizen', audience: 'public' },
  // issue 18: 失业登记证明 / 就业登记证明 as a PDF with a QR that verifies it (core/proof.ts)
  getRegistrationProof: { fn: 'citizen', audience: 'citizen' },
  listMyMessages: { fn: 'citizen', audience: 'citizen' },
  getMyProfile: { fn: 'citizen', audience: 'citizen' },
  getMyStatus: { fn: 'citizen', audience: 'citizen' },
  startRealPersonCheck: { fn: 'citizen', audience: 'citizen' },
  confirmRealPersonCheck: { fn: 'citizen', audience: 'citizen' },
  recordSubscription: { fn: 'citizen', audience: 'citizen' },
  // issue 20: how the person is reminded (长期订阅 where the deployment has it), and turning it off
  getMyReminders: { fn: 'citizen', audience: 'citizen' },
  stopSubscription: { fn: 'citizen', audience: 'citizen' },
  whoAmI: { fn: 'citizen', audience: 'citizen' },
  // issue 12: each commitment's current version and full text (reads nothing about anyone)
  getCommitments: { fn: 'citizen', audience: 'citizen' },
  // issue 17 (citizen experience): offices, 催办, 好差评
  listOffices: { fn: 'citizen', audience: 'citizen' },
  remindOffice: { fn: 'citizen', audience: 'citizen' },
  // issue 17: 拍照识别身份证 — the 人像面 read into the form's fields, for the person to check (core/id-card-ocr.ts)
  recognizeIdCard: { fn: 'citizen', audience: 'citizen' },
  rateService: { fn: 'citizen', audience: 'citizen' },
  // after the first answer: withdraw, 复核, report a job, change details
  withdrawApplication: { fn: 'citizen', audience: 'citizen' },
  // 退回补正: the returned application's answers, to correct them
  getReturnedApplication: { fn: 'citizen', audience: 'citizen' },
  requestReview: { fn: 'citizen', audience: 'citizen' },
  reportEmployment: { fn: 'citizen', audience: 'citizen' },
  updateMyRegistration: { fn: 'citizen', audience: 'citizen' },
  // identity and personal data (docs/identity.md)
  requestCounterCheck: { fn: 'citizen', audience: 'citizen' },
  createDelegationInvite: { fn: 'citizen', audience: 'citizen' },
  acceptDelegationInvite: { fn: 'citizen', audience: 'citizen' },
  listDelegations: { fn: 'citizen', audience: 'citizen' },
  revokeDelegation: { fn: 'citizen', audience: 'citizen' },
  getMyData: { fn: 'citizen', audience: 'citizen' },
  listWhoReadMyData: { fn: 'citizen', audience: 'citizen' },
  confirmIdentityAtCounter: { fn: 'staff', audience: 'verifier' },
  verifyCertificate: { fn: 'staff', audience: 'verifier' },
  // issue 18: the signed revocation list for offline verification (core/revocations.ts)
  getRevocationList: { fn: 'staff', audience: 'verifier' },
  // issue 18: the registration proof's QR
  verifyProof: { fn: 'staff', audience: 'verifier' },
  listReviewQueue: { fn: 'staff', audience: 'reviewer' },
  getApplicationDetail: { fn: 'staff', audience: 'reviewer' },
  decideApplication: { fn: 'staff', audience: 'reviewer' },
  deregister: { fn: 'staff', audience: 'reviewer' },
  listContactTasks: { fn: 'staff', audience: 'reviewer' },
  // issue 20: the 工作台 counts of the region
  getWorkbench: { fn: 'staff', audience: 'reviewer' },
  // issue 20: 就业困难人员认定 requested with the 失业登记
  listHardshipRequests: { fn: 'staff', audience: 'reviewer' },
  decideHardship: { fn: 'staff', audience: 'reviewer' },
  revealContact: { fn: 'staff', audience: 'reviewer' },
  completeContactTask: { fn: 'staff', audience: 'reviewer' },
  recordContactAttempt: { fn: 'staff', audience: 'reviewer' },
  getDeregistrationEvidence: { fn: 'staff', audience: 'reviewer' },
  exportDeregistrations: { fn: 'staff', audience: 'admin' },
  monthlyStats: { fn: 'staff', audience: 'admin' },
  runScheduler: { fn: 'scheduler', audience: 'local' },
} as const satisfies Record<string, { fn: FunctionName; audience: Audience }>;

export type ActionName = keyof typeof ACTIONS;

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(ACTIONS, name);
}

const ROLE_RANK: Record<Role, number> = { verifier: 1, reviewer: 2, admin: 3 };

/** A staff role covers the roles below it: admin ⊇ reviewer ⊇ verifier (docs/api.md `role`). */
export function roleAtLeast(have: Role, need: Role): boolean {
  return ROLE_RANK[have] >= ROLE_RANK[need];
}

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiError {
  code: ErrorCode;
  /** Chinese, short, says what to do next. Never a stack trace. */
  message: string;
  /** field path (dot-joined, e.g. `hukouAddress.regionCode`) → Chinese message */
  fields?: Record<string, string>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): { ok: false; error: ApiError } =>
  ({ ok: false, error: fields ? { code, message, fields } : { code, message } });

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '填写的内容有误，请按提示修改后再提交',
  UNAUTHENTICATED: '请先登录后再办理',
  FORBIDDEN: '您没有办理此项业务的权限',
  NOT_FOUND: '没有找到相关记录',
  METHOD_NOT_ALLOWED: '请求方式不正确',
  CONFLICT: '该业务已在办理中，请勿重复提交',
  PAYLOAD_TOO_LARGE: '提交的内容过大，请删减后再试',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
  UNAVAILABLE: '服务暂时不可用，请稍后再试',
};

// ---- values ----------------------------------------------------------------

export type ApplicationKind = 'certificate' | 'unemployment' | 'flexible';
/** `returned`: staff returned it for correction (退回补正); `resubmitted`: the corrected submission replaced it. */
export type ApplicationStatus = 'pending_review' | 'approved' | 'rejected' | 'withdrawn' | 'returned' | 'resubmitted';
export type RegistrationStatus = 'active' | 'deregistered';
export type CertificateStatus = 'valid' | 'superseded' | 'revoked';

/** One outside-data check as the citizen reads it (docs/product.md decision table). */
export interface Check {
  /** one of the check names whose headings are in shared/check-labels.ts */
  name: CheckName;
  passed: boolean;
  /** plain Chinese, e.g. "单位参保：大连星海机械有限公司，2021-04-01 起" */
  detail: string;
}

export interface TimelineEntry {
  /** a status or a non-status step, named in the one table of shared/lifecycle.ts (TIMELINE_LABELS) */
  status: TimelineStatus;
  /** ISO-8601 with +08:00 */
  at: string;
  note?: string;
}

import type { CertificateEntries } from './certificate-entries';
import type { CheckName } from './check-labels';
import type { TimelineStatus } from './lifecycle';

export interface CertificateView {
  certificateNo: string;
  version: number;
  status: CertificateStatus;
  /** masked, e.g. 王*国 */
  holderName: string;
  /** masked, e.g. 2102**********1255 */
  idNumberMasked: string;
  issuedAt: string;
  issuingRegion: string;
  /** e.g. 辽宁省 大连市 中山区 (named by the cloud, so the page needs no region table) */
  issuingRegionName?: string;
  /** the active registration of either kind, else the latest ended one (core/registrations.ts) */
  registrationStatus: RegistrationStatus | 'none';
  /** which registration `registrationStatus` is about */
  registrationKind?: 'unemployment' | 'flexible';
  qrToken?: string;
  qrExpiresAt?: string;
  /**
   * What a 补发 or 换发 wrote on it: the latest 就业登记、失业登记、就业服务、就业政策 (大人社规发〔2025〕2号
   * 一(四)); absent on a first issue.
   */
  entries?: CertificateEntries;
  /** 换发: the certificate of another city it replaces */
  exchangedFrom?: { certificateNo: string; issuingRegion: string; issuingRegionName: string; issuedOn: string };
}

/** A 就业服务机构 (listOffices, and on results that need a call or a visit). */
export interface OfficeView {
  name: string;
  address: string;
  /** as published, e.g. 0411-8000 0204 */
  phone: string;
  hours: string;
  /** GCJ-02 (what Taro.openLocation takes), when the region's file gives them */
  latitude?: number;
  longitude?: number;
}

/** A 好差评 rating of one finished application (rateService). */
export interface RatingView {
  score: 1 | 2 | 3 | 4 | 5;
  comment?: string;
  at: string;
}

export interface ApplicationView {
  applicationId: string;
  /** 办件编号: short and readable, to quote on the phone (shared/case-no.ts) */
  caseNo: string;
  kind: ApplicationKind;
  status: ApplicationStatus;
  submittedAt: string;
  /** Beijing date YYYY-MM-DD, present while pending_review */
  dueDate?: string;
  /** true when the due date falls in a year the official calendar does not cover yet */
  dueDateUncertain?: boolean;
  checks: Check[];
  timeline: TimelineEntry[];
  /** masked holder name */
  holderName: string;
  certificate?: CertificateView;
  decision?: { decision: 'approve' | 'reject' | 'return'; reasonCode?: string; reasonText?: string; note?: string; at: string };
  /** 一件事: the 失业保险金 claim handed to the unemployment-insurance system (core/insurance-claims.ts) */
  insuranceClaim?: { status: 'queued' | 'sent' | 'failed'; reference?: string; at: string };
  /** 一件事: the 就业困难人员认定 requested with the 失业登记 (shared/hardship.ts) */
  hardship?: { status: 'requested' | 'recognized' | 'not_recognized'; categories: string[]; note?: string; at: string };
  /** a 复核 was asked for (once per application: a second request is refused) */
  reviewRequested?: boolean;
  /** 退回补正: what staff asked to correct (while `returned`) */
  returnedFor?: string;
  /** the returned application this submission corrects */
  correctsApplicationId?: string;
  /** the corrected submission that replaced this returned one */
  correctedByApplicationId?: string;
  /** what the person can do next, in plain Chinese */
  nextStep: string;
  /** 失业登记 pending or approved: when staff will first contact the person, in the region's working days ("办结后5个工作日内联系您") */
  contactPromise?: string;
  /** the office handling it (phone, address, map), while waiting for staff or after a refusal */
  office?: OfficeView;
  /** the person's 好差评 of the finished application, once given */
  rating?: RatingView;
  /** Beijing times of the person's 催办 (remindOffice), newest last */
  reminders?: string[];
}

/**
 * The citizen's situation at a glance, for the home page (`getMyStatus`): active registrations
 * with the day they started, the next monthly follow-up (人社厅发〔2020〕79号 一(四)), applications waiting
 * for staff with their due dates, and whether an electronic certificate exists.
 */
export interface MyStatus {
  registrations: Array<{ kind: 'unemployment' | 'flexible'; applicationId: string; /** Beijing date YYYY-MM-DD */ since: string }>;
  /** Beijing date of the next 就业状况确认 reminder, when a 失业登记 is active */
  nextFollowUp: string | null;
  pending: Array<{ applicationId: string; kind: ApplicationKind; submittedAt: string; dueDate?: string; dueDateUncertain?: boolean }>;
  certificate: { status: CertificateStatus } | null;
}
