/**
 * The collections above the generic store (core/store.port.ts): what each one holds and how each
 * document id is made, in one place. The store port stays generic (`get<T>` by any id); code that
 * reads or writes a record goes through `readRecord` / `findRecords` / `writeRecord` so the record
 * type follows from the collection, and through `ids` so an id is never spelled by hand — a lock id
 * written one way in `submit` and another way in `withdraw` would free nothing.
 *
 * Uniqueness rests on these ids (CloudBase transactions cannot query): the application lock
 * `locks/<kind>:<personKey>` keeps a second submission of the same kind out, the person lock
 * `locks/registration:<personKey>` names the one active registration of either kind
 * (core/registrations.ts), `requests/<openid>:<requestId>` answers a retry with the first answer
 * (core/idempotency.ts).
 */
import { createHash } from 'node:crypto';
import type { ApplicationKind } from '@shared/api';
import type { ServiceRecord } from '@shared/contact-record';
import type { RegistrationKind } from '@shared/registrations';
import type { Channel, OutboxEntry } from './outbox/entry';
import type { SubscriptionRecord } from './outbox/consent';
import type { BindingRecord, DelegationRecord } from './person-access';
import type { PassRecord, StartRecord } from './realperson-tokens';
import type { ApplicationRecord, CertificateRecord, MessageRecord, PersonRecord, RegistrationRecord, RequestRecord } from './records';
import type { DeregistrationRecord } from './registrations';
import type { TaskKind, TaskRecord } from './schedule';
import type { Collection, Doc, FindOptions, StorePort, StoreTx, Where } from './store.port';

/** `locks/<kind>:<personKey>`: the application of this kind the person has under review. */
export interface ApplicationLock { applicationId: string; at: number }
/** `locks/registration:<personKey>`: the person's one active registration, of either kind. */
export interface PersonRegistrationLock { kind: RegistrationKind; registrationId: string; applicationId: string; at: number }
/** `counters/<name>:<who>:<window>`: calls in one window of a rate limit. */
export interface RateCounter { n: number; at: number; openid?: string; staffOpenid?: string }
/** `counters/certificate:<region>:<year>`, `counters/deregistration:<region>`: a running number. */
export interface SequenceCounter { value: number }
/** `verifications/counter:<code>`: a 窗口核验码 waiting for the person at the counter. */
export interface CounterCodeRecord {
  openid: string;
  name: string;
  idType: string;
  idNumber: string;
  region: string;
  at: number;
  expiresAt: number;
  usedAt: number | null;
}
/**
 * `audit/<new id>`: who did what with whose record. 谁查看了我的信息 (handlers/listWhoReadMyData.handler.ts) reads
 * these back for the person; staff reads carry the staff member's office and role.
 */
export interface AuditRecord {
  [key: string]: unknown;
  /** epoch ms */
  at: number;
  /** the action name (shared/api.ts) or the act within it */
  action: string;
  personKey?: string | null;
  staffOpenid?: string | null;
  staffName?: string;
  staffRegion?: string;
  staffRole?: string;
  citizenOpenid?: string | null;
  /** a refused or mismatched staff call */
  result?: string | null;
}
/** `verifications/invite:<sha256 of the code>`: a family-delegation invite. */
export interface InviteRecord { delegationId: string; at: number }

/**
 * What each collection holds. Collections with several kinds of document hold a union; the id
 * builder in `ids` says which kind a given id names. The 分享码 record (`verifications/share:…`)
 * is typed in core/share-codes.ts and read with that type.
 */
export interface Collections {
  applications: ApplicationRecord;
  certificates: CertificateRecord;
  registrations: RegistrationRecord;
  requests: RequestRecord;
  persons: PersonRecord;
  bindings: BindingRecord;
  delegations: DelegationRecord;
  counters: RateCounter | SequenceCounter | Doc;
  outbox: OutboxEntry;
  messages: MessageRecord;
  subscriptions: SubscriptionRecord;
  audit: AuditRecord;
  locks: ApplicationLock | PersonRegistrationLock;
  verifications: StartRecord | PassRecord | CounterCodeRecord | InviteRecord | Doc;
  tasks: TaskRecord;
  keys: Doc;
  staff: Doc;
  deregistrations: DeregistrationRecord;
  services: ServiceRecord;
}

/** Every collection of the port has its record type here (a new collection fails to compile until it does). */
type Missing = Exclude<Collection, keyof Collections>;
const everyCollectionTyped: [Missing] extends [never] ? true : Missing = true;
void everyCollectionTyped;

export type RecordOf<C extends Collection> = Collections[C];

/** A record by id, typed by its collection. */
export function readRecord<C extends Collection>(read: Pick<StoreTx, 'get'>, collection: C, id: string): Promise<Collections[C] | null> {
  return read.get<Collections[C]>(collection, id);
}

/** Create or replace a record, checked against its collection's type. */
export function writeRecord<C extends Collection>(write: Pick<StoreTx, 'put'>, collection: C, id: string, doc: Collections[C]): Promise<void> {
  return write.put(collection, id, doc);
}

/** Create a record only if its id is free (false, nothing written, when it is taken). */
export function createRecord<C extends Collection>(write: Pick<StoreTx, 'create'>, collection: C, id: string, doc: Collections[C]): Promise<boolean> {
  return write.create(collection, id, doc);
}

/** Records matching `where`, typed by their collection. */
export function findRecords<C extends Collection>(store: Pick<StorePort, 'find'>, collection: C, where: Where, options?: FindOptions): Promise<Array<Collections[C] & { _id: string }>> {
  return store.find<Collections[C]>(collection, where, options);
}

/** The rate limits kept in `counters`, each counted per caller (or code) and time window. */
export type RateLimit =
  | 'verifyCertificate'
  | 'verifyProof'
  | 'idCardOcr'
  | 'realPersonStart'
  | 'counterCode'
  | 'shareCode'
  | 'shareView:caller'
  | 'shareView:code';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Every document id that is built from parts. */
export const ids = {
  /** requests: one answer per person's requestId (core/idempotency.ts) */
  request: (openid: string, requestId: string): string => `${openid}:${requestId}`,
  /** locks: the application of this kind under review for the person */
  applicationLock: (kind: ApplicationKind, personKey: string): string => `${kind}:${personKey}`,
  /** locks: the person's one active registration of either kind */
  registrationLock: (personKey: string): string => `registration:${personKey}`,
  /** registrations: the current registration of this kind for the person */
  registration: (kind: RegistrationKind, personKey: string): string => `${kind}:${personKey}`,
  /** deregistrations: AAB301 + AAZ341, unique nationally */
  deregistration: (region: string, serial: string): string => `${region}${serial}`,
  /** tasks: one task of a kind per application (or, for the comparison's 核实, per finding's hash) */
  task: (kind: TaskKind, about: string): string => `${kind}:${about}`,
  /** tasks: a reminder or escalation to staff about an open task */
  taskNotice: (kind: 'task_reminder' | 'task_escalation', taskId: string): string => `${kind}:${taskId}`,
  /** tasks: the 回访 call task of one month's follow-up */
  followCallTask: (applicationId: string, monthDate: string): string => `followcall:${applicationId}:${monthDate}`,
  /** outbox: one entry per message and channel */
  outbox: (messageId: string, channel: Channel): string => `${messageId}:${channel}`,
  /** subscriptions: the consents of one openid for one template */
  subscription: (openid: string, template: string): string => `${openid}:${template}`,
  /** bindings: an openid bound to a person */
  binding: (openid: string, personKey: string): string => `${openid}:${personKey}`,
  /** verifications: a started face check */
  realPersonStart: (token: string): string => `start:${token}`,
  /** verifications: a passed face check of this openid for this person */
  realPersonPass: (openid: string, idHash: string): string => `pass:${openid}:${idHash}`,
  /** verifications: a 分享码, by the keyed hash of its code (core/share-codes.ts) */
  share: (codeHash: string): string => `share:${codeHash}`,
  /** verifications: a 窗口核验码 */
  counterCode: (code: string): string => `counter:${code}`,
  /** verifications: a family-delegation invite, by the hash of its code (the code itself is never stored) */
  invite: (code: string): string => `invite:${sha256(code)}`,
  /** counters: the 《就业创业证》 numbers issued in a region and year */
  certificateSequence: (region: string, year: string | number): string => `certificate:${region}:${year}`,
  /** counters: the AAZ341 sequence of a region's deregistrations */
  deregistrationSequence: (region: string): string => `deregistration:${region}`,
  /** counters: one caller's (or code's) calls in one window of a rate limit */
  rateLimit: (limit: RateLimit, who: string, window: string | number): string => `${limit}:${who}:${window}`,
  /** counters: where an interrupted scheduled pass resumes (core/paging.ts) */
  passCursor: (pass: string): string => `cursor:${pass}`,
  /** counters: where an interrupted re-seal of a collection resumes (core/sealed-store.ts) */
  resealCursor: (collection: Collection): string => `cursor:reseal:${collection}`,
} as const;

/**
 * messages: deterministic ids, one per event and subject, so a retried event writes its message
 * (and its outbox entries) once — `writeMessageInTx` creates, never replaces. A message written for
 * several staff members is one message per member (`toStaff`).
 */
export const messageIds = {
  withdrawn: (applicationId: string): string => `withdrawn:${applicationId}`,
  reviewRequested: (applicationId: string): string => `review:${applicationId}`,
  /** 本人申报就业: the person's own end of their 失业登记, and the staff notice of it */
  selfReport: (registrationId: string): string => `self-report:${registrationId}`,
  registrationUpdated: (registrationId: string, at: number): string => `update:${registrationId}:${at}`,
  /** 常住地变更: the notice to each office concerned */
  moved: (registrationId: string, at: number, region: string): string => `moved:${registrationId}:${at}:${region}`,
  services: (applicationId: string): string => `services:${applicationId}`,
  followUp: (applicationId: string, dueDate: string): string => `followup:${applicationId}:${dueDate}`,
  followUpEmployed: (taskId: string): string => `followup-employed:${taskId}`,
  hardshipRequested: (applicationId: string): string => `hardship-requested:${applicationId}`,
  hardshipDecided: (applicationId: string): string => `hardship-decided:${applicationId}`,
  insuranceClaimQueued: (applicationId: string): string => `insurance-claim-queued:${applicationId}`,
  insuranceClaimSent: (applicationId: string): string => `insurance-claim-sent:${applicationId}`,
  insuranceClaimFailed: (applicationId: string): string => `insurance-claim-failed:${applicationId}`,
  /** the monthly comparison's 核实 task, told to the person */
  verify: (taskId: string): string => `verify:${taskId}`,
  /** 催办: one per application, Beijing day and staff member */
  officeRemind: (applicationId: string, day: string, staffOpenid: string): string => `remind:${applicationId}:${day}:${staffOpenid}`,
  /** one staff member's copy of a notice (the notice's own id, or the task it is about) */
  toStaff: (noticeId: string, staffOpenid: string): string => `${noticeId}:${staffOpenid}`,
} as const;

/** counters: where the monthly comparison with the outside records resumes (core/comparison.ts) */
export const COMPARISON_CURSOR_ID = 'comparison:cursor';
