/**
 * The typed action contract (docs/api.md): for each action of shared/api.ts ACTIONS, what the page
 * sends (`input`) and what an ok answer carries (`output`). The cloud's handlers are checked against it
 * (cloudfunctions/core/contract.check.ts) and the client's `call` takes its types from it, so a renamed
 * field fails to compile on both sides. Types only: every import here is `import type`, so no schema
 * code reaches a bundle through this file.
 */
import type { ActionName, ApplicationView, CertificateView, MyStatus, OfficeView, RatingView } from './api';
import type {
  ApplicationDetail, ConfirmAnswer, ContactTaskItem, DelegationView, Deregistered, DeregistrationEvidence, HardshipItem, Me, MessageView,
  MonthlyStatsAnswer, MyDataPerson, ProofAnswer, PublishedCommitment, QueueItem, ReadEntry, RealPersonStart, ReminderChannel,
  ReportEmploymentAnswer, ReturnedApplication, RevocationListAnswer, SchedulerReport, ShareCodeView, SharedCertificateView,
  UpdateRegistrationAnswer, VerifyAnswer, WorkbenchCounts,
} from './answers';
import type { makeReportEmploymentSchema, returnedQuerySchema, reviewRequestSchema, updateRegistrationSchema, withdrawSchema } from './after-answer.schema';
import type { makeApplyCertificateSchema } from './certificate.schema';
import type { ContactAttempt, contactAttemptSchema } from './contact-record';
import type { makeFlexibleSchema } from './flexible.schema';
import type { HardshipStatus } from './hardship';
import type { IdCardReading } from './id-card-ocr';
import type { TemplateKey } from './notify';
import type { ExportRecord } from './export.rules';
import type { RegistrationKind } from './registrations';
import type { reissueSchema } from './reissue.schema';
import type { SharePurposeCode } from './share';
import type { decideHardshipSchema, decideSchema, deregisterSchema, evidenceQuerySchema, exportSchema, queueQuerySchema, statsSchema, taskRefSchema } from './staff.schema';
import type { makeUnemploymentSchema } from './unemployment.schema';
import type { z } from './zod-kit';

type In<S extends z.ZodTypeAny> = z.input<S>;
type NoInput = Record<string, never>;
type RequestId = { requestId: string };

export interface ActionContract {
  applyCertificate: { input: In<ReturnType<typeof makeApplyCertificateSchema>>; output: ApplicationView };
  reissueCertificate: { input: In<typeof reissueSchema> & RequestId & { certificateNo?: string }; output: CertificateView };
  submitUnemploymentRegistration: { input: In<ReturnType<typeof makeUnemploymentSchema>>; output: ApplicationView };
  submitFlexibleEmployment: { input: In<ReturnType<typeof makeFlexibleSchema>>; output: ApplicationView };
  getProgress: { input: { applicationId: string }; output: ApplicationView };
  listMyApplications: { input: NoInput; output: { applications: ApplicationView[] } };
  /** null: no certificate yet */
  getMyCertificate: { input: NoInput; output: CertificateView | null };
  createShareCode: { input: RequestId & { purpose: SharePurposeCode; hours?: number; showFullName?: boolean; certificateNo?: string }; output: ShareCodeView };
  listShareCodes: { input: NoInput; output: { shares: ShareCodeView[] } };
  revokeShareCode: { input: RequestId & { code?: string; shareId?: string }; output: ShareCodeView };
  viewSharedCertificate: { input: { code: string }; output: SharedCertificateView };
  getRegistrationProof: { input: { kind: RegistrationKind }; output: { pdfBase64: string; fileName: string } };
  listMyMessages: { input: NoInput; output: { messages: MessageView[] } };
  getMyProfile: { input: NoInput; output: { person: Record<string, unknown> | null } };
  getMyStatus: { input: NoInput; output: MyStatus };
  startRealPersonCheck: { input: { name: string; idNumber: string }; output: RealPersonStart };
  confirmRealPersonCheck: { input: { checkToken: string; bizToken?: string }; output: ConfirmAnswer };
  recordSubscription: { input: { templates: Partial<Record<TemplateKey, string>> }; output: { remaining: Partial<Record<TemplateKey, number>> } };
  getMyReminders: { input: NoInput; output: { channels: ReminderChannel[]; smsPhone: string | null } };
  stopSubscription: { input: { template: TemplateKey }; output: { remaining: Partial<Record<TemplateKey, number>> } };
  whoAmI: { input: NoInput; output: Me };
  getCommitments: { input: NoInput; output: { commitments: PublishedCommitment[] } };
  listOffices: { input: { region: string }; output: { region: string; regionName: string; demo: boolean; offices: OfficeView[] } };
  remindOffice: { input: { applicationId: string }; output: { remindedAt: string; alreadyToday: boolean; reminders: number } };
  recognizeIdCard: { input: { imageBase64: string }; output: IdCardReading };
  rateService: { input: RequestId & { applicationId: string; score: number; comment?: string }; output: { rating: RatingView } };
  withdrawApplication: { input: In<typeof withdrawSchema>; output: ApplicationView };
  getReturnedApplication: { input: In<typeof returnedQuerySchema>; output: ReturnedApplication };
  requestReview: { input: In<typeof reviewRequestSchema>; output: ApplicationView };
  reportEmployment: { input: In<ReturnType<typeof makeReportEmploymentSchema>>; output: ReportEmploymentAnswer };
  updateMyRegistration: { input: In<typeof updateRegistrationSchema>; output: UpdateRegistrationAnswer };
  requestCounterCheck: { input: { name: string; idType: string; idNumber: string; region: string }; output: { code: string; expiresAt: string; where: string } };
  createDelegationInvite: { input: NoInput; output: { delegationId: string; inviteCode: string; expiresAt: string } };
  acceptDelegationInvite: { input: { inviteCode: string }; output: DelegationView };
  listDelegations: { input: NoInput; output: { delegations: DelegationView[] } };
  revokeDelegation: { input: { delegationId: string }; output: DelegationView };
  getMyData: { input: NoInput; output: { people: MyDataPerson[] } };
  listWhoReadMyData: { input: NoInput; output: { reads: ReadEntry[] } };
  confirmIdentityAtCounter: { input: { code: string; documentType: string; documentNumber: string; name: string }; output: { confirmed: true; holderName: string; idNumberMasked: string } };
  verifyCertificate: { input: { token: string }; output: VerifyAnswer };
  getRevocationList: { input: NoInput; output: RevocationListAnswer };
  verifyProof: { input: { token: string }; output: ProofAnswer };
  listReviewQueue: { input: In<typeof queueQuerySchema>; output: { items: QueueItem[]; today: string; caseNo?: string } };
  getApplicationDetail: { input: { applicationId: string }; output: ApplicationDetail };
  decideApplication: { input: In<typeof decideSchema>; output: ApplicationView };
  deregister: { input: In<typeof deregisterSchema>; output: Deregistered };
  listContactTasks: { input: NoInput; output: { items: ContactTaskItem[]; today: string } };
  getWorkbench: { input: NoInput; output: WorkbenchCounts };
  listHardshipRequests: { input: NoInput; output: { items: HardshipItem[] } };
  decideHardship: { input: In<typeof decideHardshipSchema>; output: { taskId: string; status: HardshipStatus } };
  revealContact: { input: In<typeof taskRefSchema>; output: { taskId: string; holderName: string; phone: string; landline?: string; email?: string; otherContact?: string } };
  completeContactTask: { input: In<typeof contactAttemptSchema>; output: ContactAttemptAnswer };
  recordContactAttempt: { input: In<typeof contactAttemptSchema>; output: ContactAttemptAnswer };
  getDeregistrationEvidence: { input: In<typeof evidenceQuerySchema>; output: DeregistrationEvidence };
  exportDeregistrations: { input: In<typeof exportSchema>; output: ExportAnswer };
  monthlyStats: { input: In<typeof statsSchema>; output: MonthlyStatsAnswer };
  runScheduler: { input: NoInput; output: SchedulerReport };
}

export interface ContactAttemptAnswer { taskId: string; status: 'done' | 'open'; outcome: string; attempt: ContactAttempt }

/** exportDeregistrations: the records that pass the 部标 rules, those refused with the rule, and the CSV */
export interface ExportAnswer { indicators: readonly string[]; records: ExportRecord[]; rejected: Array<{ record: ExportRecord; rule: string; rules: string[] }>; csv: string }

export type ActionInput<A extends ActionName> = ActionContract[A]['input'];
export type ActionOutput<A extends ActionName> = ActionContract[A]['output'];

/** Every action of ACTIONS has a contract entry and nothing else has one (fails to compile otherwise). */
type Exact<T extends true> = T;
export type ContractCoversEveryAction = Exact<[ActionName] extends [keyof ActionContract] ? ([keyof ActionContract] extends [ActionName] ? true : false) : false>;
