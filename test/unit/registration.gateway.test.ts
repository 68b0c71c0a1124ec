/**
 * 失业登记 and 灵活就业 through the real gateway: every row of the 秒办 decision table
 * (docs/product.md), idempotency, one active registration per person and kind, working-day deadlines.
 */
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type GovPerson, type TestPerson } from '../support/people';

const unemploymentForm = (p: TestPerson) => ({
  requestId: requestId(), ...p,
  unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});
const flexibleForm = (p: TestPerson) => ({
  requestId: requestId(), ...p,
  employmentForm: '新就业形态（平台）', platform: '某外卖平台', occupation: '外卖配送', startDate: '2026-02-01', workRegion: p.residenceAddress.regionCode,
  commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version },
});

async function withGateway(now: string, persons: GovPerson[], fn: (gw: TestGateway) => Promise<void>, down: string[] = []) {
  const gw = await startTestGateway({ now, gov: { persons, down } });
  try { await fn(gw); } finally { await gw.close(); }
}

const check = (data: any, name: string) => data.checks.find((c: { name: string }) => c.name === name);

describe('失业登记: the 秒办 decision table (docs/product.md; 渝人社办〔2020〕79号 秒办, 吉人社函字〔2018〕175号 二(一))', () => {
  const NOW = '2026-03-10T10:00:00+08:00'; // a Tuesday
  const clean = makePerson();
  const pensioner = makePerson({ birth: '19620418' });
  const insured = makePerson();
  const filed = makePerson();
  const owner = makePerson();
  const unknown = makePerson();
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ now: NOW, gov: { persons: [
      govRecord(clean), govRecord(pensioner, { pension: true }),
      govRecord(insured, { unitInsurance: { unit: '海滨重型机械有限公司', since: '2021-04-01' } }),
      govRecord(filed, { contractFiling: { unit: '北港物流有限公司', since: '2024-07-15' } }),
      govRecord(owner, { businessRegistration: { name: '某区便民超市（个体工商户）', since: '2019-03-01' } }),
    ] } });
  });
  afterAll(async () => { await gw.close(); });

  it('approves a clean person at once, opens the registration and issues the certificate (渝人社办〔2020〕79号 秒办)', async () => {
    const { status, json } = await gw.call('submitUnemploymentRegistration', unemploymentForm(clean), 'u-clean');
    expect(status).toBe(200);
    expect(json.data.status).toBe('approved');
    expect(json.data.checks.every((c: { passed: boolean }) => c.passed)).toBe(true);
    expect(json.data.dueDate).toBeUndefined();
    const cert = await gw.call('getMyCertificate', {}, 'u-clean');
    expect(cert.json.data.registrationStatus).toBe('active');
  });

  it('sends a pensioner to review (鞍人社〔2020〕21号 一: 领取基本养老金前)', async () => {
    const { json } = await gw.call('submitUnemploymentRegistration', unemploymentForm(pensioner), 'u-pension');
    expect(json.data.status).toBe('pending_review');
    expect(check(json.data, 'pension').passed).toBe(false);
  });

  it('sends a person with active unit insurance to review, naming the employer and the date (吉人社函字〔2018〕175号 二(一))', async () => {
    const { json } = await gw.call('submitUnemploymentRegistration', unemploymentForm(insured), 'u-insured');
    expect(json.data.status).toBe('pending_review');
    expect(check(json.data, 'socialInsurance').detail).toBe('单位参保：海滨重型机械有限公司，2021-04-01 起');
    // 人社厅发〔2020〕79号 一(三): 3 working days — Tue 2026-03-10 → Fri 2026-03-13
    expect(json.data.dueDate).toBe('2026-03-13');
  });

  it('sends a person with a labour-contract filing to review, naming the unit', async () => {
    const { json } = await gw.call('submitUnemploymentRegistration', unemploymentForm(filed), 'u-filed');
    expect(json.data.status).toBe('pending_review');
    expect(check(json.data, 'contractFiling').detail).toContain('北港物流有限公司');
  });

  it('sends a person with an active business registration to review, naming the business', async () => {
    const { json } = await gw.call('submitUnemploymentRegistration', unemploymentForm(owner), 'u-owner');
    expect(json.data.status).toBe('pending_review');
    expect(check(json.data, 'businessRegistration').detail).toContain('某区便民超市');
  });

  it('sends a person the identity base does not know to review (鞍人社〔2020〕21号 三)', async () => {
    const { json } = await gw.call('submitUnemploymentRegistration', unemploymentForm(unknown), 'u-unknown');
    expect(json.data.status).toBe('pending_review');
    expect(check(json.data, 'identity').passed).toBe(false);
  });

  it('returns the active registration instead of creating a second one (no duplicate)', async () => {
    const first = await gw.call('listMyApplications', {}, 'u-clean');
    const again = await gw.call('submitUnemploymentRegistration', unemploymentForm(clean), 'u-clean');
    expect(again.json.data.applicationId).toBe(first.json.data.applications.find((a: { kind: string }) => a.kind === 'unemployment').applicationId);
    const after = await gw.call('listMyApplications', {}, 'u-clean');
    expect(after.json.data.applications.filter((a: { kind: string }) => a.kind === 'unemployment')).toHaveLength(1);
  });

  it('answers the same requestId with the first answer', async () => {
    const p = makePerson();
    gw.writeGov({ persons: [govRecord(p)] });
    const form = unemploymentForm(p);
    const a = await gw.call('submitUnemploymentRegistration', form, 'u-rid');
    const b = await gw.call('submitUnemploymentRegistration', form, 'u-rid');
    expect(b.json).toEqual(a.json);
  });

  it('stores the commitment with the exact text version and the server time (鞍人社〔2020〕21号 承诺)', async () => {
    const list = await gw.call('listMyApplications', {}, 'u-clean');
    const app = list.json.data.applications.find((a: { kind: string }) => a.kind === 'unemployment');
    const progress = await gw.call('getProgress', { applicationId: app.applicationId }, 'u-clean');
    // docs/product.md flow 4: submitted → checks → approved → services
    expect(progress.json.data.timeline.map((t: { status: string }) => t.status)).toEqual(['submitted', 'checked', 'approved', 'services']);
  });

  it('refuses a form without the accepted commitment, storing nothing', async () => {
    const p = makePerson();
    const form = { ...unemploymentForm(p), commitment: { accepted: false, textVersion: COMMITMENTS.unemployment.version } };
    const { status, json } = await gw.call('submitUnemploymentRegistration', form, 'u-nocommit');
    expect(status).toBe(400);
    expect(Object.keys(json.error?.fields ?? {}).some((k) => k.startsWith('commitment'))).toBe(true);
    const list = await gw.call('listMyApplications', {}, 'u-nocommit');
    expect(list.json.data.applications).toHaveLength(0);
  });
});

describe('sources that fail (docs/product.md: down → pending_review, never an error)', () => {
  it('sends the application to review with 数据暂不可比对 when social insurance is down', async () => {
    const p = makePerson();
    await withGateway('2026-03-10T10:00:00+08:00', [govRecord(p)], async (gw) => {
      const { status, json } = await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'u-down');
      expect(status).toBe(200);
      expect(json.data.status).toBe('pending_review');
      expect(check(json.data, 'socialInsurance').detail).toContain('数据暂不可比对');
    }, ['socialInsurance']);
  });
});

describe('working-day deadlines (人社厅发〔2020〕79号 一(三) 3 days; 大人社规发〔2025〕2号 二(二) 5 days)', () => {
  it('counts across the 2026 National Day holiday: submitted 2026-09-30 → due 2026-10-10, the 调休 Saturday counting', async () => {
    const p = makePerson();
    await withGateway('2026-09-30T09:00:00+08:00', [govRecord(p, { unitInsurance: { unit: '某公司', since: '2020-01-01' } })], async (gw) => {
      const { json } = await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'u-nd');
      expect(json.data.dueDate).toBe('2026-10-10');
      expect(json.data.dueDateUncertain).toBeUndefined();
    });
  });

  it('flags a deadline that falls in a year the official calendar does not cover yet', async () => {
    const p = makePerson();
    await withGateway('2026-12-30T09:00:00+08:00', [govRecord(p, { pension: true })], async (gw) => {
      const { json } = await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'u-2027');
      expect(json.data.status).toBe('pending_review');
      expect(json.data.dueDateUncertain).toBe(true);
    });
  });
});

describe('灵活就业登记 with the 承诺书 (吉人社函字〔2018〕175号 二(三))', () => {
  // Behaviour changed (issue 12 §6): the 失业登记 no longer ends silently — the person is told what
  // will end and confirms it; afterwards the certificate reports the active 灵活就业登记, not "已注销".
  it('warns before ending an active 失业登记 (409, nothing stored), then with the confirmation ends it with AJC00A 13, telling them', async () => {
    const p = makePerson();
    await withGateway('2026-03-10T10:00:00+08:00', [govRecord(p)], async (gw) => {
      const u = await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'f-1');
      expect(u.json.data.status).toBe('approved');
      const form = flexibleForm(p);
      const warned = await gw.call('submitFlexibleEmployment', form, 'f-1');
      expect(warned.status).toBe(409);
      expect(warned.json.error?.message).toContain('失业登记将终止');
      expect(warned.json.error?.fields?.endsUnemploymentConfirmed).toContain('月收入不低于当地最低生活保障标准');
      const before = await gw.call('listMyApplications', {}, 'f-1');
      expect(before.json.data.applications.map((a: { kind: string }) => a.kind)).toEqual(['unemployment']);
      // the income is asked, not assumed: AJC00A 13 records it
      const noIncome = await gw.call('submitFlexibleEmployment', { ...form, endsUnemploymentConfirmed: true }, 'f-1');
      expect(noIncome.status).toBe(409);
      expect(noIncome.json.error?.fields?.incomeAtLeastMinimumLiving).toContain('最低生活保障标准');
      const f = await gw.call('submitFlexibleEmployment', { ...form, incomeAtLeastMinimumLiving: true, endsUnemploymentConfirmed: true }, 'f-1');
      expect(f.json.data.status).toBe('approved');
      const cert = await gw.call('getMyCertificate', {}, 'f-1');
      expect(cert.json.data.registrationStatus).toBe('active');
      expect(cert.json.data.registrationKind).toBe('flexible');
      const u2 = await gw.call('getProgress', { applicationId: u.json.data.applicationId }, 'f-1');
      expect(u2.json.data.timeline.at(-1).status).toBe('deregistered');
      const msgs = await gw.call('listMyMessages', {}, 'f-1');
      expect(msgs.json.data.messages.map((m: { title: string }) => m.title)).toContain('您的失业登记已注销');
    });
  });

  it('sends a person with unit insurance to review with 5 working days', async () => {
    const p = makePerson();
    await withGateway('2026-03-10T10:00:00+08:00', [govRecord(p, { unitInsurance: { unit: '某配套件厂', since: '2018-01-01' } })], async (gw) => {
      const { json } = await gw.call('submitFlexibleEmployment', flexibleForm(p), 'f-2');
      expect(json.data.status).toBe('pending_review');
      expect(json.data.dueDate).toBe('2026-03-17');
      expect(check(json.data, 'socialInsurance').detail).toContain('某配套件厂');
    });
  });
});
