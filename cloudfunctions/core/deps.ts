/**
 * The ports a handler depends on. A handler is `(input, deps) => Promise<Result>`: it reads the
 * clock, the caller, the store and the outside data only through these, so the same handler runs
 * in a CloudBase function (wx-server-sdk, Tencent Cloud APIs) and in the local gateway (SQLite,
 * the outside-data file) — docs/architecture.md "Functional core, imperative shell".
 *
 * Each port is its own `*.port.ts`; this file composes them into `Deps` and re-exports their names.
 * The two composition roots that build a `Deps`: gateway/local-deps.ts and adapters/cloudbase.runtime.ts.
 */
import type { TemplateKey } from '@shared/notify';
import type { Caller } from './caller.port';
import type { ChannelsPort } from './channels.port';
import type { ClockPort } from './clock.port';
import type { GovDataPort } from './govdata.port';
import type { IdCardOcrPort } from './id-card-ocr';
import type { InsuranceClaimPort } from './insurance-claims.port';
import type { TokenKeys } from './qr/token.port';
import type { RealPersonPort } from './realperson.port';
import type { StaffDirectoryPort } from './staff-directory.port';
import type { StorePort } from './store.port';

export type { Caller, StaffMember } from './caller.port';
export type { ChannelsPort, SendMeta, SendOutcome, SmsChannel, SubscribeChannel } from './channels.port';
export type { ClockPort } from './clock.port';
export type { BusinessRecord, GovDataPort, SourceAnswer, SourceName, UnitRecord } from './govdata.port';
export type { InsuranceClaim, InsuranceClaimPort } from './insurance-claims.port';
export type { CheckConfirm, CheckStart, RealPersonPort } from './realperson.port';
export type { StaffDirectoryPort } from './staff-directory.port';

export interface Deps {
  store: StorePort;
  clock: ClockPort;
  caller: Caller;
  gov: GovDataPort;
  realPerson: RealPersonPort;
  /** keyed hash of an ID number (core/person-key.ts): document ids and joins never carry the number itself */
  personKey(idNumber: string): string;
  /** a new unique id (application ids, message ids) */
  newId(): string;
  /** masked, structured log line; never pass full ID or phone numbers */
  log?(event: string, fields: Record<string, unknown>): void;
  /** QR signing keys of the electronic 《就业创业证》 (qr/token.port.ts); absent → 电子证服务暂不可用 */
  qrKeys?: TokenKeys;
  /** delivery channels of the outbox (core/outbox.ts); absent → the scheduler delivers nothing */
  channels?: ChannelsPort;
  /** staff who receive review reminders and escalations (core/schedule.ts) */
  staffDirectory?: StaffDirectoryPort;
  /** the unemployment-insurance system (core/insurance-claims.ts); absent → claims wait, queued */
  insuranceClaims?: InsuranceClaimPort;
  /** ID-card OCR of the 人像面 (core/id-card-ocr.ts; Tencent IDCardOCR or the local simulation); absent → 请手动填写 */
  idCardOcr?: IdCardOcrPort;
  /**
   * Templates this deployment holds as 长期订阅 (long-term subscription, for 政务民生 services): one
   * consent keeps them coming until the person turns them off; the rest are one tap, one send.
   * Configuration (env LONG_TERM_TEMPLATES), never assumed.
   */
  longTermTemplates?: readonly TemplateKey[];
}
