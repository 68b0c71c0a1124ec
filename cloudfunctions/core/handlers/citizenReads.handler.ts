/**
 * What a citizen reads: the records of the people they are bound to (identity base matched and a
 * real-person check passed), those they help (代办), and the applications they sent themselves —
 * and no more (core/person-access.ts decides). A record of anyone else answers NOT_FOUND, the same as
 * a record that does not exist, so the answer reveals nothing.
 */
import type { ApplicationView, CertificateView, MyStatus, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { beijingDate, beijingIso } from '@shared/dates';
import type { Deps } from '../deps';
import type { ApplicationRecord } from '../records';
import { registrationId, registrationStatusInTx } from '../registrations';
import { taskId } from '../schedule';
import { accessTo, boundPersonKeys, readablePersonKeys } from '../person-access';
import { applicationView, certificateView, senderView } from '../views';
import { withQr } from './qr.handler';
import { findRecords, readRecord, writeRecord } from '../collections';

/** The people the caller is bound to: their own records, certificates with a QR, 补发. */
export async function myPersonKeys(deps: Deps): Promise<string[]> {
  return boundPersonKeys(deps);
}

/** A delegate's read of the person's records is recorded: the person sees it in listWhoReadMyData. */
async function auditDelegateRead(deps: Deps, action: string, personKeys: string[]): Promise<void> {
  for (const personKey of personKeys) {
    await writeRecord(deps.store, 'audit', deps.newId(), { at: deps.clock.now(), citizenOpenid: deps.caller.openid, action, personKey, as: 'delegate' });
  }
}

async function viewOf(app: ApplicationRecord, deps: Deps, as: 'self' | 'delegate' | 'sender'): Promise<ApplicationView> {
  if (as === 'sender') return senderView(app);
  if (app.status !== 'approved') return applicationView(app);
  const cert = await readRecord(deps.store, 'certificates', app.personKey);
  // a delegate sees the certificate's status, never a QR (the view has none; only getMyCertificate adds one)
  return applicationView(app, cert ? certificateView(cert, await registrationStatusInTx(deps.store, app.personKey)) : undefined);
}

export async function listMyApplications(_input: unknown, deps: Deps): Promise<Result<{ applications: ApplicationView[] }>> {
  const { self, delegated } = await readablePersonKeys(deps);
  const keys = [...self, ...delegated];
  const order = { orderBy: { field: 'submittedAt', direction: 'desc' as const }, limit: 200 };
  const apps = keys.length ? await findRecords(deps.store, 'applications', { personKey: { in: keys } }, order) : [];
  // applications the caller sent for someone they are not bound to: that application only, redacted
  // (one sent as a helper is seen through the delegation, and no longer once it is revoked)
  const sent = (await findRecords(deps.store, 'applications', { openid: deps.caller.openid }, order)).filter((a) => !keys.includes(a.personKey) && !a.onBehalfOf);
  if (delegated.length) await auditDelegateRead(deps, 'listMyApplications', delegated);
  const views = await Promise.all([
    ...apps.map((a) => viewOf(a, deps, self.includes(a.personKey) ? 'self' : 'delegate')),
    ...sent.map((a) => viewOf(a, deps, 'sender')),
  ]);
  return ok({ applications: views.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)) });
}

export async function getProgress(input: unknown, deps: Deps): Promise<Result<ApplicationView>> {
  const applicationId = (input as { applicationId?: unknown } | null)?.applicationId;
  if (typeof applicationId !== 'string' || applicationId.length === 0 || applicationId.length > 64) {
    return fail('VALIDATION_FAILED', '请提供要查询的申请编号', { applicationId: '请提供要查询的申请编号' });
  }
  const app = await readRecord(deps.store, 'applications', applicationId);
  const access = app ? await accessTo(deps, app.personKey) : null;
  if (!app || (!access && (app.openid !== deps.caller.openid || app.onBehalfOf))) return fail('NOT_FOUND', '没有找到这条申请记录，请核对后再查');
  if (access?.as === 'delegate') await auditDelegateRead(deps, 'getProgress', [app.personKey]);
  return ok(await viewOf(app, deps, access ? access.as : 'sender'));
}

export async function getMyCertificate(_input: unknown, deps: Deps): Promise<Result<CertificateView>> {
  const keys = await myPersonKeys(deps);
  for (const key of keys) {
    const cert = await readRecord(deps.store, 'certificates', key);
    // a valid certificate carries a fresh QR token (docs/product.md flow 6; qr.handler.ts)
    if (cert) return ok(await withQr(cert, certificateView(cert, await registrationStatusInTx(deps.store, key)), deps));
  }
  return fail('NOT_FOUND', '您还没有电子《就业创业证》，可先申领');
}

export async function listMyMessages(_input: unknown, deps: Deps): Promise<Result<{ messages: Array<{ messageId: string; title: string; body: string; at: string; applicationId?: string }> }>> {
  const openid = deps.caller.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const rows = await findRecords(deps.store, 'messages', { openid }, { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 200 });
  return ok({ messages: rows.map((m) => ({ messageId: m.messageId, title: m.title, body: m.body, at: beijingIso(m.createdAt), ...(m.applicationId ? { applicationId: m.applicationId } : {}) })) });
}

export async function whoAmI(_input: unknown, deps: Deps): Promise<Result<{ role: 'citizen' | 'verifier' | 'reviewer' | 'admin'; staffName?: string; region?: string }>> {
  const s = deps.caller.staff;
  return ok(s ? { role: s.role, staffName: s.name, region: s.region } : { role: 'citizen' });
}

/**
 * The person fields of the caller's latest submission, to pre-fill the next form (issue "失业登记…"
 * §6). Own records only; the answer is the caller's own data, so nothing is masked — but it never
 * includes another person's.
 */
export async function getMyProfile(_input: unknown, deps: Deps): Promise<Result<{ person: Record<string, unknown> | null }>> {
  const keys = await myPersonKeys(deps);
  if (keys.length === 0) return ok({ person: null });
  const [latest] = await findRecords(deps.store, 'applications', { personKey: { in: keys }, openid: deps.caller.openid }, { orderBy: { field: 'submittedAt', direction: 'desc' }, limit: 1 });
  if (!latest) return ok({ person: null });
  const PERSON_KEYS = ['name', 'idType', 'idNumber', 'birthDate', 'gender', 'ethnicity', 'politicalStatus', 'education', 'health', 'disabilityLevel', 'hukouAddress', 'residenceAddress', 'phone', 'landline', 'email', 'otherContact', 'qualifications'];
  const person = Object.fromEntries(PERSON_KEYS.filter((k) => latest.person[k] !== undefined).map((k) => [k, latest.person[k]]));
  return ok({ person });
}

/**
 * The home page's status line (issue "Citizen experience" §1): registrations in force and since
 * when, the next monthly follow-up (the open `followup:<applicationId>` task core/schedule.ts
 * keeps), applications waiting for staff with their due dates, and whether a certificate exists.
 * Own records only, like every citizen read; nothing here names or numbers the person.
 */
export async function getMyStatus(_input: unknown, deps: Deps): Promise<Result<MyStatus>> {
  const keys = await myPersonKeys(deps);
  const status: MyStatus = { registrations: [], nextFollowUp: null, pending: [], certificate: null };
  if (keys.length === 0) return ok(status);
  const followUps: string[] = [];
  for (const key of keys) {
    for (const kind of ['unemployment', 'flexible'] as const) {
      const reg = await readRecord(deps.store, 'registrations', registrationId(kind, key));
      if (!reg || reg.status !== 'active') continue;
      status.registrations.push({ kind, applicationId: reg.applicationId, since: beijingDate(reg.since) });
      if (kind !== 'unemployment') continue;
      const task = await readRecord(deps.store, 'tasks', taskId('followup', reg.applicationId));
      if (task && task.status === 'open') followUps.push(task.dueDate);
    }
    if (!status.certificate) {
      const cert = await readRecord(deps.store, 'certificates', key);
      if (cert) status.certificate = { status: cert.status };
    }
  }
  status.nextFollowUp = followUps.sort()[0] ?? null;
  const pending = await findRecords(deps.store, 'applications', { personKey: { in: keys }, status: 'pending_review' }, { orderBy: { field: 'submittedAt', direction: 'desc' }, limit: 20 });
  status.pending = pending.map((a) => ({
    applicationId: a.applicationId, kind: a.kind, submittedAt: beijingIso(a.submittedAt),
    ...(a.dueDate ? { dueDate: a.dueDate } : {}), ...(a.dueDateUncertain ? { dueDateUncertain: true } : {}),
  }));
  return ok(status);
}
