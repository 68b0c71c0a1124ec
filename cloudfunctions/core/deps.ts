/**
 * The ports a handler depends on. A handler is `(input, deps) => Promise<Result>`: it reads the
 * clock, the caller, the store and the outside data only through these, so the same handler runs
 * in a CloudBase function (wx-server-sdk, Tencent Cloud APIs) and in the local gateway (SQLite,
 * the outside-data file) — docs/architecture.md "Functional core, imperative shell".
 */
import type { Role } from '@shared/api';
import type { TemplateKey } from '@shared/notify';
import type { StorePort } from './store.port';
import type { IdCardOcrPort } from './id-card-ocr';
import type { TokenKeys } from './qr/token.port';

export interface ClockPort {
  /** epoch milliseconds */
  now(): number;
}

export interface StaffMember {
  openid: string;
  name: string;
  /** 行政区划代码 prefix: "2102" covers every district of 大连 (docs/api.md) */
  region: string;
  role: Role;
}

/** Who is calling. In production from the CloudBase context, locally from `X-Dev-Openid`; never from the body. */
export interface Caller {
  openid: string | null;
  staff: StaffMember | null;
  /**
   * The network address the edge saw (the gateway's socket peer, CloudBase's CLIENTIP), where it knows
   * one: public actions count callers by it (share.handler.ts). Never logged or stored in clear.
   */
  address?: string | null;
}

export type SourceName = 'identity' | 'pension' | 'socialInsurance' | 'contractFiling' | 'businessRegistration' | 'certificate';

export type SourceAnswer<T> = { available: true; value: T } | { available: false; reason: string };

import type { ProvincialCertificate } from '@shared/certificate-entries';

export interface UnitRecord { unit: string; since: string }
export interface BusinessRecord { name: string; since: string }

/**
 * Outside data (鞍人社〔2020〕21号 三, 吉人社函字〔2018〕175号 二(一)(三)): the 社保卡持卡人员基础信息库, pension,
 * social insurance, labour-contract filing and business registration. A source that is down,
 * erroring or slow answers `{ available: false }`, never throws to the handler.
 */
export interface GovDataPort {
  identity(idNumber: string, name: string): Promise<SourceAnswer<{ matched: boolean; detail?: string }>>;
  pension(idNumber: string): Promise<SourceAnswer<{ receiving: boolean }>>;
  socialInsurance(idNumber: string): Promise<SourceAnswer<UnitRecord | null>>;
  contractFiling(idNumber: string): Promise<SourceAnswer<UnitRecord | null>>;
  businessRegistration(idNumber: string): Promise<SourceAnswer<BusinessRecord | null>>;
  /**
   * The 《就业创业证》 the provincial 就业管理服务信息系统 holds for this ID number, if any (大人社规发〔2025〕2号
   * 一(四): 能够通过辽宁省就业管理服务信息系统查询到《就业创业证》…的均视为有效): decides 换发 / 补发 at 申领.
   */
  certificate(idNumber: string): Promise<SourceAnswer<ProvincialCertificate | null>>;
}

export interface StaffDirectoryPort {
  byOpenid(openid: string): Promise<StaffMember | null>;
  /** every active staff member: the scheduler picks a region's reviewers and admins from it */
  list(): Promise<StaffMember[]>;
}

/**
 * What a channel answers for one send. `no_consent` is WeChat's 43101 (the person has no
 * subscribe consent left for the template): never retried, the message falls back to SMS.
 * `retryable` says whether the same send may succeed later (busy, timeout, rate limit).
 */
export type SendOutcome =
  | { ok: true; providerId?: string }
  | { ok: false; reason: 'no_consent' | 'invalid_recipient' | 'not_configured' | 'rejected' | 'unavailable'; retryable: boolean; code?: string; detail?: string };

/** Which outbox entry a send belongs to (local logs, provider references). Never personal data. */
export interface SendMeta { entryId: string; messageId: string; event: string }

/** WeChat subscribe messages (wx-server-sdk `openapi.subscribeMessage.send`); one consent tap = one send. */
export interface SubscribeChannel {
  send(m: { openid: string; template: TemplateKey; page: string; data: Record<string, { value: string }>; meta: SendMeta }): Promise<SendOutcome>;
}

/** SMS (Tencent Cloud SendSms with a registered template and its parameters); `phone` is 11 digits, no prefix. */
export interface SmsChannel {
  send(m: { phone: string; template: TemplateKey; params: string[]; meta: SendMeta }): Promise<SendOutcome>;
}

export interface ChannelsPort {
  subscribe: SubscribeChannel;
  sms: SmsChannel;
}

/**
 * 实人核验 (real-person check). Knowing a name and an ID number is not enough to act for someone
 * (docs/identity.md): a check is started by the cloud for one openid and one claimed person, the
 * person runs the face check in the mini-program, and the cloud confirms the result with the provider
 * (never on the client's word). Production: WeChat 人脸核身 2.0 (getVerifyId → wx.requestFacialVerify
 * → queryVerifyInfo, adapters/realPerson.wechat.ts); locally a simulation that fails for people the
 * outside-data file marks `"realPerson": "fail"` (adapters/realPerson.simulated.ts). Token rules
 * (one openid, once, within 10 minutes) are core/realperson-tokens.ts, shared by both.
 */
export type CheckStart =
  | { mode: 'simulated'; checkToken: string }
  | { mode: 'wechat'; checkToken: string; verifyId: string };

export type CheckConfirm =
  | { passed: true; detail: string; name: string; idNumber: string }
  | { passed: false; detail: string; refused?: import('./realperson-tokens').TokenRefusal };

export interface RealPersonPort {
  /** Begin a check for (openid, person); the client runs the face check with what this returns. */
  start(openid: string, person: { name: string; idNumber: string }): Promise<CheckStart>;
  /** Confirm with the provider; on a pass records it for (openid, person) and names the person checked. */
  confirm(openid: string, checkToken: string): Promise<CheckConfirm>;
  /** Whether `openid` passed a face check for this person recently enough to act (PASS_VALID_MS). */
  check(openid: string, person: { name: string; idNumber: string }): Promise<{ passed: boolean; detail: string }>;
}

/** One 失业保险金 claim handed to the unemployment-insurance system (人社厅发〔2020〕79号 一(五) 一件事). */
export interface InsuranceClaim {
  /** the 失业登记's applicationId: the same claim sent twice is one claim there */
  claimId: string;
  name: string;
  idType: string;
  idNumber: string;
  phone?: string;
  /** county code of the registration */
  region: string;
  /** Beijing date the 失业登记 was approved */
  registeredOn: string;
}

/**
 * The unemployment-insurance system (失业保险经办机构): receives the claim. `retry: true` — down, slow,
 * 5xx: send again later; `retry: false` — refused as malformed: staff look at it.
 */
export interface InsuranceClaimPort {
  submit(claim: InsuranceClaim): Promise<{ ok: true; reference: string } | { ok: false; retry: boolean; reason: string }>;
}

export interface Deps {
  store: StorePort;
  clock: ClockPort;
  caller: Caller;
  gov: GovDataPort;
  realPerson: RealPersonPort;
  /** keyed hash of an ID number: document ids and joins never carry the number itself */
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
