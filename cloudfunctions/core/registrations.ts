/**
 * Registrations (失业登记 / 灵活就业): one current registration per person and kind, document id
 * `<kind>:<personKey>`; earlier ones move to `history`. At most one registration of EITHER kind is
 * active per person (shared/registrations.ts): the person lock `locks/registration:<personKey>` names
 * it, and every open and every end reads and writes that one document, so two approvals of the two
 * kinds for the same person at once conflict in the store (one is retried) instead of both landing.
 *
 * Only moves are made here, through the state machine of shared/lifecycle.ts; what approval opens
 * and ends is decided in core/approval.ts.
 */
import type { RegistrationStatus } from '@shared/api';
import { DEREGISTRATION_REASONS, labelOf } from '@shared/codes';
import { beijingDate, isoToCompact } from '@shared/dates';
import { exportStaffName } from '@shared/export.rules';
import { activeRegistration, recordEvent, transitionRegistration } from '@shared/lifecycle';
import { REGISTRATION_KINDS, REGISTRATION_KIND_LABEL, type RegistrationKind, type RegistrationState } from '@shared/registrations';
import { ids, readRecord, writeRecord, type PersonRegistrationLock, type SequenceCounter } from './collections';
import { writeMessageInTx } from './messages';
import { answersOf, type ApplicationRecord, type RegistrationRecord } from './records';
import type { StoreTx } from './store.port';
import type { Deps } from './deps';
import { boundPersonKeys } from './person-access';

export type { RegistrationKind } from '@shared/registrations';

/** `<kind>:<personKey>` (core/collections.ts) */
export const registrationId = ids.registration;

/** The caller's own active registration of one of `kinds` (a person bound to their account), or null. */
export async function callersActiveRegistration(deps: Deps, read: Pick<StoreTx, 'get'>, kinds: readonly RegistrationKind[]): Promise<(RegistrationRecord & { openid?: string; person?: { name?: string } }) | null> {
  for (const personKey of await boundPersonKeys(deps)) {
    for (const kind of kinds) {
      const reg = await read.get<RegistrationRecord & { openid?: string }>('registrations', registrationId(kind, personKey));
      if (reg && reg.status === 'active') return reg;
    }
  }
  return null;
}

/** The person's active registration of either kind, or null. */
export async function activeRegistrationInTx(read: Pick<StoreTx, 'get'>, personKey: string): Promise<RegistrationRecord | null> {
  for (const kind of REGISTRATION_KINDS) {
    const reg = await readRecord(read, 'registrations', registrationId(kind, personKey));
    if (reg && reg.status === 'active') return reg;
  }
  return null;
}

/**
 * What a 《就业创业证》 and a staff QR check report (docs/product.md flow 6): the active registration of
 * either kind; else the latest ended one; else none. A person in 灵活就业 is never shown "已注销".
 */
export async function registrationStatusInTx(read: Pick<StoreTx, 'get'>, personKey: string): Promise<RegistrationState> {
  let latest: RegistrationRecord | null = null;
  for (const kind of REGISTRATION_KINDS) {
    const reg = await readRecord(read, 'registrations', registrationId(kind, personKey));
    if (!reg) continue;
    if (reg.status === 'active') return { status: 'active', kind };
    if (!latest || (reg.endedAt ?? 0) > (latest.endedAt ?? 0)) latest = reg;
  }
  return latest ? { status: latest.status as RegistrationStatus, kind: latest.kind } : { status: 'none' };
}

/**
 * Opens the registration an approved application creates. The caller (core/approval.ts) has ended
 * any active registration of the other kind first; finding one still active is a bug, not input.
 */
export async function openRegistrationInTx(tx: StoreTx, kind: RegistrationKind, app: ApplicationRecord, at: number): Promise<RegistrationRecord> {
  const lockId = ids.registrationLock(app.personKey);
  const lock = await tx.get<PersonRegistrationLock>('locks', lockId);
  const active = await activeRegistrationInTx(tx, app.personKey);
  if (active) throw new Error(`person already holds an active ${active.kind} registration (lock: ${lock?.kind ?? 'none'})`);
  const id = registrationId(kind, app.personKey);
  const prev = await tx.get<RegistrationRecord & { history?: unknown[] }>('registrations', id);
  const history = prev ? [...(prev.history ?? []), { ...prev, history: undefined }] : [];
  const answers = answersOf(app);
  const reg: RegistrationRecord & { history: unknown[]; person: RegistrationPerson } = {
    registrationId: `${id}:${at}`,
    kind,
    personKey: app.personKey,
    ...activeRegistration(at, `${REGISTRATION_KIND_LABEL[kind]}办结`),
    applicationId: app.applicationId,
    region: app.region,
    since: at,
    endedAt: null,
    endReasonCode: null,
    person: { name: app.person.name, idType: app.person.idType, idNumber: app.person.idNumber, gender: app.person.gender, birthDate: String(app.person.birthDate ?? '') },
    openid: app.openid,
    unemployedSince: (answers.unemployedSince as string | undefined) ?? null,
    personCategories: (answers.personCategories as string[] | undefined) ?? [],
    history,
  };
  await writeRecord(tx, 'registrations', id, reg);
  const next: PersonRegistrationLock = { kind, registrationId: reg.registrationId, applicationId: app.applicationId, at };
  await tx.put('locks', lockId, next);
  return reg;
}

export interface EndRegistration {
  kind: RegistrationKind;
  personKey: string;
  /** AJC00A (人社厅发〔2020〕79号 附件) for a 失业登记 */
  reasonCode: string;
  /** the reason as the person reads it, when it is not an AJC00A label */
  reasonText?: string;
  note?: string;
  at: number;
  /** staff openid, or `system` for an automatic end (never for 31/32: 人社厅发〔2020〕79号 一(四)) */
  by: string;
  byName: string;
  messageId: string;
}

/** Ends the active registration, frees the locks so the person may register again, and tells them. */
export async function endRegistrationInTx(tx: StoreTx, e: EndRegistration): Promise<RegistrationRecord | null> {
  const id = registrationId(e.kind, e.personKey);
  const reg = await tx.get<RegistrationRecord & { openid?: string; person: RegistrationPerson }>('registrations', id);
  if (!reg) return null;
  const reasonText = e.reasonText ?? labelOf(DEREGISTRATION_REASONS, e.reasonCode) ?? e.reasonCode;
  const moved = transitionRegistration(reg, 'deregistered', e.at, reasonText);
  if (!moved.ok) return null;
  const ended = { ...moved.data, endedAt: e.at, endReasonCode: e.reasonCode, endNote: e.note ?? null, endedBy: e.by, endedByName: e.byName };
  await writeRecord(tx, 'registrations', id, ended);
  await tx.remove('locks', id);
  const lockId = ids.registrationLock(e.personKey);
  const lock = await tx.get<PersonRegistrationLock>('locks', lockId);
  if (lock && lock.kind === e.kind) await tx.remove('locks', lockId);
  if (e.kind === 'unemployment') await writeDeregistrationInTx(tx, ended, e);
  const app = await readRecord(tx, 'applications', reg.applicationId);
  if (app) {
    const step = recordEvent(app, 'deregistered', e.at, reasonText);
    if (step.ok) await writeRecord(tx, 'applications', app.applicationId, step.data);
  }
  if (reg.openid) {
    const what = REGISTRATION_KIND_LABEL[e.kind];
    await writeMessageInTx(tx, {
      messageId: e.messageId, openid: reg.openid, personKey: e.personKey, event: `${e.kind}.deregistered`,
      title: `您的${what}已注销`,
      body: `注销原因：${reasonText}。如有疑问，请联系当地公共就业服务机构。`,
      at: e.at, applicationId: reg.applicationId,
    });
  }
  return ended;
}

export interface RegistrationPerson { name: string; idType: string; idNumber: string; gender: string; birthDate: string }

/** One deregistration as the national platform receives it (人社厅发〔2020〕79号 附件 二(一)). */
export interface DeregistrationRecord {
  [key: string]: unknown;
  /** AAB301: 失业登记注销地行政区划代码 */
  region: string;
  /** AAZ341: 系统流水号, 18 characters, unique within the region */
  serial: string;
  personKey: string;
  name: string;
  idType: string;
  idNumber: string;
  gender: string;
  /** epoch ms of the deregistration (ADC210) and of the handling (AAE036) — the same act here */
  at: number;
  date: string;
  reasonCode: string;
  staffName: string;
  note: string;
  registrationId: string;
}

/** AAZ341 = YYYYMMDD + a 10-digit sequence per region: 18 characters, never repeated. */
async function writeDeregistrationInTx(tx: StoreTx, reg: RegistrationRecord & { person: RegistrationPerson }, e: EndRegistration): Promise<void> {
  const counterId = ids.deregistrationSequence(reg.region);
  const counter = await tx.get<SequenceCounter>('counters', counterId);
  const seq = (counter?.value ?? 0) + 1;
  await tx.put('counters', counterId, { value: seq } satisfies SequenceCounter);
  const date = beijingDate(e.at);
  const serial = isoToCompact(date) + String(seq).padStart(10, '0');
  const record: DeregistrationRecord = {
    region: reg.region, serial, personKey: reg.personKey,
    name: reg.person.name, idType: reg.person.idType, idNumber: reg.person.idNumber, gender: reg.person.gender,
    at: e.at, date, reasonCode: e.reasonCode, staffName: exportStaffName(e.byName), note: e.note ?? '', registrationId: reg.registrationId,
  };
  await writeRecord(tx, 'deregistrations', ids.deregistration(reg.region, serial), record);
}
