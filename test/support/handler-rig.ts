/**
 * A handler tested in process (the `x.handler.test.ts` beside each handler): the local runtime's
 * adapters (cloudfunctions/gateway/local-deps.ts — sealed SQLite store in a temporary folder, the
 * clock started at a fixed time, file QR keys, the outside-data file) without the HTTP gateway, and
 * deps for a citizen or a staff member. Records are written straight into the store.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mod11_2 } from '@shared/id-number';
import type { StaffMember } from '../../cloudfunctions/core/caller.port';
import type { Deps } from '../../cloudfunctions/core/deps';
import type { ApplicationRecord } from '../../cloudfunctions/core/records';
import { localRuntime, type LocalRuntime } from '../../cloudfunctions/gateway/local-deps';

export const NOW = '2026-03-10T10:00:00+08:00';

export interface HandlerRig {
  rt: LocalRuntime;
  /** deps for a citizen's account (no account: null) */
  citizen(openid: string | null): Deps;
  /** deps for a staff member of a region (行政区划代码 prefix) */
  staff(o?: Partial<StaffMember>): Deps;
  close(): Promise<void>;
}

/** The outside-data file's people and staff (test/support/people.ts `govRecord`); none by default. */
export interface RigGov {
  persons?: unknown[];
  staff?: unknown[];
  /** the local ID-card OCR's known pictures (by SHA-256) */
  idCardImages?: unknown[];
}

export function handlerRig(now = NOW, gov: RigGov = {}): HandlerRig {
  const dir = mkdtempSync(join(tmpdir(), 'jy-handler-'));
  const govFile = join(dir, 'gov.json');
  writeFileSync(govFile, JSON.stringify({ persons: gov.persons ?? [], staff: gov.staff ?? [], idCardImages: gov.idCardImages ?? [], down: [] }));
  const rt = localRuntime({ dataDir: dir, govDataFile: govFile, now, log: () => {} });
  return {
    rt,
    citizen: (openid) => rt.depsFor({ openid, staff: null }),
    staff: (o = {}) => {
      const member: StaffMember = { openid: 'staff-rev-1', name: '李审核', region: '2102', role: 'reviewer', ...o };
      return rt.depsFor({ openid: member.openid, staff: member });
    },
    async close() {
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An application record as submit.ts stores one (waiting for review unless told otherwise). */
export function applicationRecord(o: Partial<ApplicationRecord> = {}): ApplicationRecord {
  const at = Date.parse(NOW);
  return {
    applicationId: 'app-1', kind: 'unemployment', status: 'pending_review', openid: 'o-sender', personKey: 'pk-1', requestId: 'r-1', region: '210204',
    submittedAt: at, approvedAt: null, dueDate: '2026-03-13', dueDateUncertain: false,
    checks: [{ name: '身份核验', passed: false, detail: '证件号码与身份信息库不一致' }],
    timeline: [{ status: 'submitted', at: '2026-03-10T10:00:00.000+08:00' }],
    person: { name: '张小明', idNumber: '210204198806120011', phone: '13912345678' } as ApplicationRecord['person'],
    certificateNo: null, decision: null, reviewReasons: ['身份核验'],
    ...o,
  } as ApplicationRecord;
}

/** An account bound (face check passed) to a person: answers the person's key. */
export async function bindAccount(rig: HandlerRig, openid: string, idNumber: string, name = '张小明'): Promise<string> {
  const personKey = rig.citizen(openid).personKey(idNumber);
  await put(rig, 'bindings', `${openid}:${personKey}`, { openid, personKey, name, at: Date.parse('2026-03-01T10:00:00+08:00'), via: 'face' });
  return personKey;
}

/** The person's 失业登记 in force in 210204 since 2026-02-02, opened by the approval of app-1. */
export async function seedRegistration(rig: HandlerRig, personKey: string, idNumber: string, openid = 'o-sender'): Promise<void> {
  await put(rig, 'registrations', `unemployment:${personKey}`, {
    registrationId: `unemployment:${personKey}:1`, kind: 'unemployment', personKey, status: 'active', applicationId: 'app-1', openid,
    region: '210204', since: Date.parse('2026-02-02T09:00:00+08:00'), endedAt: null, endReasonCode: null,
    person: { name: '张小明', idType: '01', idNumber, gender: '1', birthDate: '1988-06-12' },
  });
}

/** app-1 approved for o-me, and its open first-contact task (region 210204, due 2026-03-16). */
export async function seedContactTask(rig: HandlerRig): Promise<void> {
  await put(rig, 'applications', 'app-1', applicationRecord({ status: 'approved', openid: 'o-me' }));
  await put(rig, 'tasks', 'contact:app-1', {
    taskId: 'contact:app-1', kind: 'contact', status: 'open', applicationId: 'app-1', personKey: 'pk-1', openid: 'o-me', region: '210204',
    dueDate: '2026-03-16', createdAt: Date.parse('2026-03-09T10:00:00+08:00'),
  });
}

/** Writes a record straight into the store (no handler, no rule). */
export async function put(rig: HandlerRig, collection: Parameters<LocalRuntime['store']['put']>[0], id: string, doc: Record<string, unknown>): Promise<void> {
  await rig.rt.store.put(collection, id, doc);
}

/**
 * A holder: the account bound (face check passed) to a person with a valid 《就业创业证》 of the national
 * number format (shared/certificate-number.ts). Answers the person's key and the certificate number.
 */
export async function seedHolder(rig: HandlerRig, openid: string, idNumber: string): Promise<{ personKey: string; certificateNo: string }> {
  const personKey = await bindAccount(rig, openid, idNumber);
  const body = '2102042026000001';
  const certificateNo = body + mod11_2(body);
  const at = Date.parse('2026-03-01T10:00:00+08:00');
  await put(rig, 'certificates', personKey, {
    certificateNo, personKey, version: 1, status: 'valid', name: '张小明', idType: '01', idNumber, issuingRegion: '210204', issuedAt: at, applicationId: 'app-1', history: [],
  });
  return { personKey, certificateNo };
}
