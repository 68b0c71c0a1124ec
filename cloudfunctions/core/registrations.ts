/**
 * Registrations (失业登记 / 灵活就业): one current registration per person and kind, document id
 * `<kind>:<personKey>`; earlier ones move to `history`. The `locks` doc of the same key is what
 * makes "one active registration per person and kind" hold under concurrent submissions.
 */
import type { RegistrationStatus } from '../../shared/api';
import { DEREGISTRATION_REASONS, labelOf } from '../../shared/codes';
import { beijingDate, beijingIso, isoToCompact } from '../../shared/dates';
import { exportStaffName } from '../../shared/export.rules';
import { writeMessageInTx } from './messages';
import type { ApplicationRecord, RegistrationRecord } from './records';
import type { StoreTx } from './store.port';

export type RegistrationKind = 'unemployment' | 'flexible';

export const registrationId = (kind: RegistrationKind, personKey: string) => `${kind}:${personKey}`;

/** The 失业登记 is what a 《就业创业证》 QR check asks about (docs/product.md flow 6). */
export async function registrationStatusInTx(read: Pick<StoreTx, 'get'>, personKey: string): Promise<RegistrationStatus | 'none'> {
  const reg = await read.get<RegistrationRecord>('registrations', registrationId('unemployment', personKey));
  return reg ? reg.status : 'none';
}

export async function openRegistrationInTx(tx: StoreTx, kind: RegistrationKind, app: ApplicationRecord, at: number): Promise<RegistrationRecord> {
  const id = registrationId(kind, app.personKey);
  const prev = await tx.get<RegistrationRecord & { history?: unknown[] }>('registrations', id);
  const history = prev ? [...(prev.history ?? []), { ...prev, history: undefined }] : [];
  const reg: RegistrationRecord & { history: unknown[]; person: RegistrationPerson } = {
    registrationId: `${id}:${at}`,
    kind,
    personKey: app.personKey,
    status: 'active',
    applicationId: app.applicationId,
    region: app.region,
    since: at,
    endedAt: null,
    endReasonCode: null,
    person: { name: app.person.name, idType: app.person.idType, idNumber: app.person.idNumber, gender: app.person.gender, birthDate: String(app.person.birthDate ?? '') },
    openid: app.openid,
    unemployedSince: (app.form.unemployedSince as string | undefined) ?? null,
    personCategories: (app.form.personCategories as string[] | undefined) ?? [],
    history,
  };
  await tx.put('registrations', id, reg);
  return reg;
}

export interface EndRegistration {
  kind: RegistrationKind;
  personKey: string;
  /** AJC00A (人社厅发〔2020〕79号 附件) */
  reasonCode: string;
  note?: string;
  at: number;
  /** staff openid, or `system` for an automatic end (never for 31/32: 人社厅发〔2020〕79号 一(四)) */
  by: string;
  byName: string;
  messageId: string;
}

/** Ends the active registration, frees the lock so the person may register again, and tells them. */
export async function endRegistrationInTx(tx: StoreTx, e: EndRegistration): Promise<RegistrationRecord | null> {
  const id = registrationId(e.kind, e.personKey);
  const reg = await tx.get<RegistrationRecord & { openid?: string; person: RegistrationPerson }>('registrations', id);
  if (!reg || reg.status !== 'active') return null;
  const ended = { ...reg, status: 'deregistered' as const, endedAt: e.at, endReasonCode: e.reasonCode, endNote: e.note ?? null, endedBy: e.by, endedByName: e.byName };
  await tx.put('registrations', id, ended);
  await tx.remove('locks', id);
  if (e.kind === 'unemployment') await writeDeregistrationInTx(tx, ended, e);
  const app = await tx.get<ApplicationRecord>('applications', reg.applicationId);
  if (app) {
    app.timeline = [...app.timeline, { status: 'deregistered', at: beijingIso(e.at), note: labelOf(DEREGISTRATION_REASONS, e.reasonCode) }];
    await tx.put('applications', app.applicationId, app);
  }
  if (reg.openid) {
    const what = e.kind === 'unemployment' ? '失业登记' : '灵活就业登记';
    await writeMessageInTx(tx, {
      messageId: e.messageId, openid: reg.openid, personKey: e.personKey, event: `${e.kind}.deregistered`,
      title: `您的${what}已注销`,
      body: `注销原因：${labelOf(DEREGISTRATION_REASONS, e.reasonCode) ?? e.reasonCode}。如有疑问，请联系当地公共就业服务机构。`,
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
  const counterId = `deregistration:${reg.region}`;
  const counter = await tx.get<{ value: number }>('counters', counterId);
  const seq = (counter?.value ?? 0) + 1;
  await tx.put('counters', counterId, { value: seq });
  const date = beijingDate(e.at);
  const serial = isoToCompact(date) + String(seq).padStart(10, '0');
  const record: DeregistrationRecord = {
    region: reg.region, serial, personKey: reg.personKey,
    name: reg.person.name, idType: reg.person.idType, idNumber: reg.person.idNumber, gender: reg.person.gender,
    at: e.at, date, reasonCode: e.reasonCode, staffName: exportStaffName(e.byName), note: e.note ?? '', registrationId: reg.registrationId,
  };
  await tx.put('deregistrations', `${reg.region}${serial}`, record);
}
