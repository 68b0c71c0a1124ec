/**
 * The daily comparison of active registrations with the outside data (人社厅发〔2020〕79号 二(八)): a
 * record that appears after registration opens a staff task 核实就业状态 naming it and tells the
 * person — it never ends the registration by itself; a record staff already weighed at approval is
 * not news; a pass reaches every active registration (10,000 in one scheduler run) and a second pass
 * the same day compares nothing again.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CHECK_LABELS } from '@shared/check-labels';
import { COMMITMENTS } from '@shared/commitment';
import { mod11_2 } from '@shared/id-number';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import { localRuntime } from '../../cloudfunctions/gateway/local-deps';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';

const STAFF = [
  { openid: 'cmp-dl-reviewer', name: '大连审核员', region: '2102', role: 'reviewer' },
  { openid: 'cmp-as-reviewer', name: '鞍山审核员', region: '2103', role: 'reviewer' },
];

const unemployment = (person: ReturnType<typeof makePerson>) => ({
  requestId: requestId(), ...person, unemployedSince: '2026-01', registrationPlace: 'residence', reason: '从各类单位辞职',
  claimsUnemploymentInsurance: false, commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

describe('a new outside record after registration (through the gateway)', () => {
  const person = makePerson({ region: '210204' });
  const insured = makePerson({ region: '210204' });
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await startTestGateway({
      now: '2026-03-02T10:00:00+08:00',
      gov: { persons: [govRecord(person), { ...govRecord(insured), unitInsurance: { unit: '大连港湾物流有限公司', since: '2025-06-01' } }], staff: STAFF },
    });
    expect((await gw.call('submitUnemploymentRegistration', unemployment(person), 'cmp-citizen')).json.data.status).toBe('approved');
    // the insured person goes to review naming the employer; staff approve knowing it
    const r = await gw.call('submitUnemploymentRegistration', unemployment(insured), 'cmp-insured');
    expect(r.json.data.status).toBe('pending_review');
    const d = await gw.call('decideApplication', { applicationId: r.json.data.applicationId, decision: 'approve', note: '电话核实已离职，单位尚未停保' }, 'cmp-dl-reviewer');
    expect(d.json.data.status).toBe('approved');
  });
  afterAll(async () => { await gw.close(); });

  it('opens one 核实就业状态 task for the region naming the record, and tells the person what they can do', async () => {
    gw.writeGov({
      persons: [
        { ...govRecord(person), unitInsurance: { unit: '大连新港机械有限公司', since: '2026-03-01' } },
        { ...govRecord(insured), unitInsurance: { unit: '大连港湾物流有限公司', since: '2025-06-01' } },
      ],
      staff: STAFF,
    });
    const run = await gw.call('runScheduler', {});
    expect(run.json.data.comparison).toEqual(expect.objectContaining({ compared: 2, tasks: 1, cycleDone: true }));

    const list = await gw.call('listContactTasks', {}, 'cmp-dl-reviewer');
    const verify = list.json.data.items.filter((i: { kind: string }) => i.kind === 'verify_employment');
    expect(verify).toHaveLength(1);
    expect(verify[0].kindLabel).toBe('核实就业状态');
    expect(verify[0].finding).toBe('单位参保：大连新港机械有限公司，2026-03-01 起');
    // headed by the same label as the check at intake and on the citizen's page (shared/check-labels.ts)
    expect(verify[0].finding.startsWith(`${CHECK_LABELS.socialInsurance}：`)).toBe(true);
    expect(verify[0].record).toEqual({ source: 'socialInsurance', sourceLabel: CHECK_LABELS.socialInsurance, name: '大连新港机械有限公司', since: '2026-03-01' });
    expect(JSON.stringify(list.json)).not.toContain(person.idNumber);
    expect((await gw.call('listContactTasks', {}, 'cmp-as-reviewer')).json.data.items).toHaveLength(0);

    const msgs = (await gw.call('listMyMessages', {}, 'cmp-citizen')).json.data.messages;
    const told = msgs.find((m: { title: string }) => m.title === '请核实您的就业状态');
    expect(told.body).toContain('大连新港机械有限公司');
    expect(told.body).toContain('报告就业');
    expect(told.body).toContain('不会因这条记录自动注销');
  });

  it('never ends the registration by itself', async () => {
    const status = (await gw.call('getMyStatus', {}, 'cmp-citizen')).json.data;
    expect(status.registrations.map((r: { kind: string }) => r.kind)).toContain('unemployment');
  });

  it('does not raise the record staff already weighed when they approved', async () => {
    const msgs = (await gw.call('listMyMessages', {}, 'cmp-insured')).json.data.messages;
    expect(msgs.find((m: { title: string }) => m.title === '请核实您的就业状态')).toBeUndefined();
  });

  it('compares nothing again the same day, and opens no second task for the same record', async () => {
    const again = await gw.call('runScheduler', {});
    expect(again.json.data.comparison).toEqual(expect.objectContaining({ compared: 0, tasks: 0 }));
  });
});

describe('every active registration in one scheduler run', () => {
  const N = 10_000;
  let dir: string;

  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'jy-cmp-')); });
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it(`reaches ${N.toLocaleString('en')} active registrations and turns the one new unit-insurance record into a staff task`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < N; i++) {
      const body = `210204${1970 + (i % 30)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
      ids.push(body + mod11_2(body));
    }
    const unique = [...new Set(ids)];
    expect(unique).toHaveLength(N);
    const newcomer = unique[N - 7];
    const govFile = join(dir, 'gov.json');
    writeFileSync(govFile, JSON.stringify({
      persons: unique.map((idNumber) => ({ idNumber, name: '测试人员', inCardBase: true, pension: false, unitInsurance: idNumber === newcomer ? { unit: '大连湾船舶修造有限公司', since: '2026-04-01' } : null, contractFiling: null, businessRegistration: null })),
      staff: [], down: [],
    }));
    const rt = localRuntime({ dataDir: dir, govDataFile: govFile, now: '2026-04-08T10:00:00+08:00', log: () => {} });
    try {
      const deps = rt.depsFor(await rt.callerFor(null));
      const since = Date.parse('2026-02-02T09:00:00+08:00');
      await rt.store.transaction(async (tx) => {
        for (const idNumber of unique) {
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
      const t0 = Date.now();
      const run = await dispatch('runScheduler', {}, deps, { local: true });
      const ms = Date.now() - t0;
      // eslint-disable-next-line no-console
      console.log(`daily comparison: ${N} active registrations compared in one scheduler run, ${ms} ms`);
      expect(run.body.ok).toBe(true);
      const report = (run.body as { data: { comparison: { compared: number; tasks: number; cycleDone: boolean } } }).data.comparison;
      // kept for quoting (README, issue 20 "give the time"): test-results/comparison.json, beside the other figures
      mkdirSync(resolve(__dirname, '../../test-results'), { recursive: true });
      writeFileSync(resolve(__dirname, '../../test-results/comparison.json'), `${JSON.stringify({
        what: 'daily comparison, one scheduler run (runScheduler), local SQLite store and outside-data file',
        activeRegistrations: N, ms, compared: report.compared, tasksOpened: report.tasks, cycleDone: report.cycleDone,
        cpus: cpus().length, node: process.version, measuredAt: new Date(t0).toISOString(),
      }, null, 2)}\n`);
      expect(report).toEqual(expect.objectContaining({ compared: N, tasks: 1, cycleDone: true }));
      const tasks = await rt.store.find<{ personKey: string; finding: { text: string } }>('tasks', { kind: 'verify_employment' });
      expect(tasks).toHaveLength(1);
      expect(tasks[0].personKey).toBe(deps.personKey(newcomer));
      expect(tasks[0].finding.text).toContain('大连湾船舶修造有限公司');
    } finally {
      await rt.close();
    }
  });
});
