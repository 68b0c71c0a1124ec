/**
 * The daily comparison resumes where it stopped (人社厅发〔2020〕79号 二(八); core/comparison.ts): with a small
 * per-run limit, two scheduler passes reach every active registration exactly once — across page
 * boundaries, never "the first N" again — a third pass the same day compares nothing, and a record
 * that appears for a registration the cursor has already passed is found in the next day's cycle
 * (never lost, never a second task). Times are given to the pass (the clock port), not read from today.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mod11_2 } from '@shared/id-number';
import { compareActiveRegistrations, type ComparisonOptions } from '../../cloudfunctions/core/comparison';
import type { Deps } from '../../cloudfunctions/core/deps';
import { localRuntime, type LocalRuntime } from '../../cloudfunctions/gateway/local-deps';

const N = 5;
/** three per pass, read two at a time: a pass crosses a page boundary and stops mid-list */
const SMALL: Partial<ComparisonOptions> = { maxPerRun: 3, pageSize: 2, concurrency: 2 };
const DAY1 = (hm: string) => Date.parse(`2026-04-08T${hm}:00+08:00`);
const DAY2 = (hm: string) => Date.parse(`2026-04-09T${hm}:00+08:00`);

let dir: string;
let govFile: string;
let rt: LocalRuntime;
let deps: Deps;
const ids: string[] = [];
/** the ID numbers looked up in the unit-insurance source, pass by pass */
let seen: string[] = [];

function writeGov(insured: Record<string, { unit: string; since: string }> = {}) {
  writeFileSync(govFile, JSON.stringify({
    persons: ids.map((idNumber) => ({ idNumber, name: '测试人员', inCardBase: true, pension: false, unitInsurance: insured[idNumber] ?? null, contractFiling: null, businessRegistration: null })),
    staff: [], down: [],
  }));
}

async function verifyTasks(): Promise<Array<{ personKey: string; finding: { text: string } }>> {
  return rt.store.find('tasks', { kind: 'verify_employment' });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jy-cmp-cursor-'));
  govFile = join(dir, 'gov.json');
  for (let i = 0; i < N; i++) {
    const body = `210204${1980 + i}0${1 + i}1${i}00${i}`;
    ids.push(body + mod11_2(body));
  }
  writeGov();
  rt = localRuntime({ dataDir: dir, govDataFile: govFile, now: '2026-04-08T08:00:00+08:00', log: () => {} });
  const base = rt.depsFor(await rt.callerFor(null));
  // count the lookups of one source: each is one registration compared
  const gov = new Proxy(base.gov, {
    get(target, key) {
      const v = (target as any)[key];
      if (key === 'socialInsurance') return async (idNumber: string) => { seen.push(idNumber); return v.call(target, idNumber); };
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  deps = { ...base, gov } as Deps;
  const since = Date.parse('2026-02-02T09:00:00+08:00');
  await rt.store.transaction(async (tx) => {
    for (const idNumber of ids) {
      const personKey = deps.personKey(idNumber);
      const applicationId = `app-${personKey}`;
      await tx.put('applications', applicationId, { applicationId, kind: 'unemployment', status: 'approved', checks: [], region: '210204', personKey, timeline: [] });
      await tx.put('registrations', `unemployment:${personKey}`, {
        registrationId: `unemployment:${personKey}:${since}`, kind: 'unemployment', personKey, status: 'active', applicationId,
        region: '210204', since, endedAt: null, endReasonCode: null, openid: `o-${personKey}`,
        person: { name: '测试人员', idType: '01', idNumber, gender: '1', birthDate: '' },
      });
    }
  });
});
afterAll(async () => {
  await rt.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a small per-run limit: the cursor resumes', () => {
  let passed: string;
  let ahead: string;

  it('the first pass stops at the limit, mid-list, and keeps its place', async () => {
    const r = await compareActiveRegistrations(deps, DAY1('09:00'), SMALL);
    expect(r).toEqual(expect.objectContaining({ compared: 3, tasks: 0, cycleDone: false }));
    expect(new Set(seen).size).toBe(3);
    passed = seen[0];
    ahead = ids.find((id) => !seen.includes(id))!;
    expect(ahead).toBeTruthy();
  });

  it('the second pass takes the rest — everyone reached exactly once — and sees a record of one not yet compared', async () => {
    // meanwhile two new unit-insurance records: one for a person the cursor has passed, one for a person ahead of it
    writeGov({ [passed]: { unit: '大连湾船舶修造有限公司', since: '2026-04-01' }, [ahead]: { unit: '大连新港机械有限公司', since: '2026-04-02' } });
    const r = await compareActiveRegistrations(deps, DAY1('09:15'), SMALL);
    expect(r).toEqual(expect.objectContaining({ compared: 2, tasks: 1, cycleDone: true }));
    expect([...seen].sort()).toEqual([...ids].sort()); // every registration once, none twice
    const tasks = await verifyTasks();
    expect(tasks.map((t) => t.personKey)).toEqual([deps.personKey(ahead)]);
  });

  it('a third pass the same day compares nothing', async () => {
    seen = [];
    const r = await compareActiveRegistrations(deps, DAY1('09:30'), SMALL);
    expect(r).toEqual(expect.objectContaining({ compared: 0, tasks: 0, cycleDone: true }));
    expect(seen).toEqual([]);
  });

  it('the next day\'s cycle starts again from the first and finds the record the cursor had passed — once', async () => {
    seen = [];
    const first = await compareActiveRegistrations(deps, DAY2('09:00'), SMALL);
    const second = await compareActiveRegistrations(deps, DAY2('09:15'), SMALL);
    expect(first).toEqual(expect.objectContaining({ compared: 3, cycleDone: false }));
    expect(second).toEqual(expect.objectContaining({ compared: 2, cycleDone: true }));
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(first.tasks + second.tasks).toBe(1); // the passed one's record; the other's task exists already
    const tasks = await verifyTasks();
    expect(tasks.map((t) => t.personKey).sort()).toEqual([deps.personKey(passed), deps.personKey(ahead)].sort());
    expect(tasks.find((t) => t.personKey === deps.personKey(passed))!.finding.text).toContain('大连湾船舶修造有限公司');
  });
});
