/**
 * The continuing comparison of active registrations with the outside data (人社厅发〔2020〕79号 二(八):
 * 加强部门间信息共享和比对 — unit social insurance, labour-contract filing, business registration and
 * pension). A record that appears after registration never ends a registration by itself: it opens a
 * staff task 核实就业状态 naming the record, and tells the person what was seen and what they can do
 * (report the job, or say the record is wrong). Deregistration stays a staff decision or the person's
 * own declaration.
 *
 * Work is bounded and resumable: each scheduler pass continues from a cursor (the last registrationId
 * compared, in `counters`), pages through active registrations in registrationId order, and stops after
 * `maxPerRun`; when a cycle reaches the end it is done for that Beijing day, so every active
 * registration is compared once a day however many there are (never "the first 500"). Lookups run a
 * few at a time; a source that is down is skipped for that registration and counted, never a task.
 * Every task and message has a deterministic id from the registration and the record, so a pass
 * repeated or run twice at once creates nothing twice.
 */
import { createHash } from 'node:crypto';
import { addWorkingDays } from '@shared/calendar';
import { CHECK_LABELS, type CheckName } from '@shared/check-labels';
import { beijingDate } from '@shared/dates';
import { maskName } from '@shared/mask';
import { profileFor } from '@shared/region-profiles';
import { REGISTRATION_KIND_LABEL } from '@shared/registrations';
import { COMPARISON_CURSOR_ID, createRecord, ids, messageIds, readRecord } from './collections';
import type { Deps, SourceAnswer, UnitRecord, BusinessRecord } from './deps';
import { writeMessageInTx } from './messages';
import type { ApplicationRecord, RegistrationRecord } from './records';
import type { TaskRecord } from './schedule';
import type { Where } from './store.port';
import type { ComparisonReport } from '@shared/answers';
export type { ComparisonReport };

export { COMPARISON_CURSOR_ID } from './collections';
export const VERIFY_TASK_KIND = 'verify_employment';

export interface ComparisonOptions {
  /** registrations compared in one pass at most (a CloudBase timer function runs up to 15 minutes) */
  maxPerRun: number;
  /** registrations read per page */
  pageSize: number;
  /** outside-data lookups in flight at once */
  concurrency: number;
}

export const DEFAULT_COMPARISON: ComparisonOptions = { maxPerRun: 20000, pageSize: 500, concurrency: 8 };

interface Cursor { after: string; doneOn: string | null; startedOn: string }

/** The outside sources compared; each finding is headed by its check's label (shared/check-labels.ts), as at intake. */
type Source = Extract<CheckName, 'socialInsurance' | 'contractFiling' | 'businessRegistration' | 'pension'>;

/** What a finding says to staff and to the person; `name` is the unit or business the record names. */
export interface Finding { source: Source; text: string; since: string | null; name: string | null; fingerprint: string }

type Reg = RegistrationRecord & { person?: { name?: string; idNumber?: string }; openid?: string };

function unitFinding(source: 'socialInsurance' | 'contractFiling', a: SourceAnswer<UnitRecord | null>): Finding | null | 'unavailable' {
  if (!a.available) return 'unavailable';
  if (!a.value) return null;
  return { source, text: `${CHECK_LABELS[source]}：${a.value.unit}，${a.value.since} 起`, since: a.value.since, name: a.value.unit, fingerprint: `${a.value.unit}|${a.value.since}` };
}

function businessFinding(a: SourceAnswer<BusinessRecord | null>): Finding | null | 'unavailable' {
  if (!a.available) return 'unavailable';
  if (!a.value) return null;
  return { source: 'businessRegistration', text: `${CHECK_LABELS.businessRegistration}：${a.value.name}，${a.value.since} 起`, since: a.value.since, name: a.value.name, fingerprint: `${a.value.name}|${a.value.since}` };
}

/**
 * A record staff already weighed when they approved the application (its check failed then, naming the
 * same record) is not new; anything else is.
 */
export function isKnownAtApproval(app: Pick<ApplicationRecord, 'checks'> | null, f: Finding): boolean {
  if (!app) return false;
  const check = app.checks.find((c) => c.name === f.source);
  if (!check || check.passed) return false;
  if (f.source === 'pension') return true;
  const [what, since] = f.fingerprint.split('|');
  return check.detail.includes(what) && (!since || check.detail.includes(since));
}

async function findingsFor(deps: Deps, idNumber: string): Promise<{ findings: Finding[]; unavailable: number }> {
  const [si, cf, br, pe] = await Promise.all([
    deps.gov.socialInsurance(idNumber).catch((): SourceAnswer<UnitRecord | null> => ({ available: false, reason: 'error' })),
    deps.gov.contractFiling(idNumber).catch((): SourceAnswer<UnitRecord | null> => ({ available: false, reason: 'error' })),
    deps.gov.businessRegistration(idNumber).catch((): SourceAnswer<BusinessRecord | null> => ({ available: false, reason: 'error' })),
    deps.gov.pension(idNumber).catch((): SourceAnswer<{ receiving: boolean }> => ({ available: false, reason: 'error' })),
  ]);
  const out: Finding[] = [];
  let unavailable = 0;
  for (const f of [unitFinding('socialInsurance', si), unitFinding('contractFiling', cf), businessFinding(br)]) {
    if (f === 'unavailable') unavailable += 1;
    else if (f) out.push(f);
  }
  if (!pe.available) unavailable += 1;
  else if (pe.value.receiving) out.push({ source: 'pension', text: `${CHECK_LABELS.pension}：系统显示已在领取基本养老保险待遇`, since: null, name: null, fingerprint: 'receiving' });
  return { findings: out, unavailable };
}

const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 16);

export const verifyTaskId = (registrationId: string, f: Finding) => ids.task(VERIFY_TASK_KIND, shortHash(`${registrationId}|${f.source}|${f.fingerprint}`));

/** Opens the task and tells the person, once per (registration, record). Returns whether it was new. */
async function openVerifyTask(deps: Deps, reg: Reg, f: Finding, now: number): Promise<boolean> {
  const id = verifyTaskId(reg.registrationId, f);
  if (await readRecord(deps.store, 'tasks', id)) return false;
  const today = beijingDate(now);
  const due = addWorkingDays(today, profileFor(reg.region).contactWithinDays);
  return deps.store.transaction(async (tx) => {
    const current = await tx.get<Reg>('registrations', ids.registration(reg.kind, reg.personKey));
    if (!current || current.status !== 'active' || current.registrationId !== reg.registrationId) return false;
    const task: TaskRecord = {
      taskId: id, kind: VERIFY_TASK_KIND, status: 'open', applicationId: reg.applicationId, personKey: reg.personKey,
      openid: current.openid ?? null, region: reg.region, dueDate: due.date, ...(due.uncertain ? { dueDateUncertain: true } : {}), createdAt: now,
      finding: { source: f.source, text: f.text, since: f.since, name: f.name }, registrationKind: reg.kind,
    };
    if (!(await createRecord(tx, 'tasks', id, task))) return false;
    if (current.openid) {
      const what = REGISTRATION_KIND_LABEL[reg.kind] ?? '登记';
      await writeMessageInTx(tx, {
        messageId: messageIds.verify(id), openid: current.openid, personKey: reg.personKey, event: 'registration.verify',
        title: '请核实您的就业状态',
        body: `我们在与有关部门的信息比对中看到：${f.text}。如果您已经就业或开始经营，请在小程序“报告就业”中告诉我们；如果这条记录与您不符或已经结束，请联系当地公共就业服务机构说明。工作人员将于 ${due.date} 前与您联系核实。您的${what}不会因这条记录自动注销。`,
        at: now, applicationId: reg.applicationId,
        push: { subject: '请核实就业状态', date: due.date, note: '比对发现新的就业记录' },
      });
    }
    deps.log?.('comparison.task', { taskId: id, source: f.source, region: reg.region, holder: maskName(String(current.person?.name ?? '')) });
    return true;
  });
}

/** One pass of the daily comparison (runScheduler calls it). */
export async function compareActiveRegistrations(deps: Deps, now: number, options: Partial<ComparisonOptions> = {}): Promise<ComparisonReport> {
  const o = { ...DEFAULT_COMPARISON, ...options };
  const today = beijingDate(now);
  const report: ComparisonReport = { compared: 0, tasks: 0, unavailable: 0, cycleDone: false };
  const saved = await deps.store.get<Cursor>('counters', COMPARISON_CURSOR_ID);
  let cursor: Cursor = saved ?? { after: '', doneOn: null, startedOn: today };
  if (cursor.doneOn === today) return { ...report, cycleDone: true };
  if (cursor.doneOn && cursor.doneOn < today) cursor = { after: '', doneOn: null, startedOn: today };

  while (report.compared < o.maxPerRun) {
    const limit = Math.min(o.pageSize, o.maxPerRun - report.compared);
    const where: Where = cursor.after ? { status: 'active', registrationId: { gt: cursor.after } } : { status: 'active' };
    const page = await deps.store.find<Reg>('registrations', where, { orderBy: { field: 'registrationId', direction: 'asc' }, limit });
    for (let i = 0; i < page.length; i += o.concurrency) {
      const batch = page.slice(i, i + o.concurrency);
      const results = await Promise.all(batch.map(async (reg) => {
        const idNumber = reg.person?.idNumber;
        if (!idNumber) return { tasks: 0, unavailable: 0 };
        const { findings, unavailable } = await findingsFor(deps, idNumber);
        let tasks = 0;
        if (findings.length > 0) {
          const app = await readRecord(deps.store, 'applications', reg.applicationId);
          for (const f of findings) {
            if (isKnownAtApproval(app, f)) continue;
            if (await openVerifyTask(deps, reg, f, now)) tasks += 1;
          }
        }
        return { tasks, unavailable };
      }));
      for (const r of results) { report.tasks += r.tasks; report.unavailable += r.unavailable; }
    }
    report.compared += page.length;
    if (page.length > 0) cursor = { ...cursor, after: page[page.length - 1].registrationId };
    if (page.length < limit) {
      cursor = { after: '', doneOn: today, startedOn: cursor.startedOn };
      report.cycleDone = true;
      break;
    }
  }
  await deps.store.put('counters', COMPARISON_CURSOR_ID, cursor);
  return report;
}
