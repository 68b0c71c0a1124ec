/**
 * The life of a registration through the real gateway (docs/rules.md "申请与登记的生命周期"):
 * at most one active registration of either kind per person through every path (秒办, staff
 * approval, concurrent submissions); nothing of the person's ends without their confirmation;
 * 灵活就业转失业 (吉人社函字〔2018〕175号 二(三)); the income AJC00A 13 records is asked; the conditions of
 * 失业登记 the machine cannot decide go to a person (鞍人社〔2020〕21号 一), never a refusal.
 */
import { COMMITMENTS } from '@shared/commitment';
import { INCOME_BELOW_MINIMUM, registrationStatusText } from '@shared/registrations';
import { unemploymentConditionChecks } from '../../cloudfunctions/core/unemployment-conditions';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makeIdNumber, makePerson, requestId, type TestPerson } from '../support/people';

const NOW = '2026-03-10T10:00:00+08:00';
const STAFF = [{ openid: 'lc-reviewer', name: '审核员', region: '2102', role: 'reviewer' }];

const unemploymentForm = (p: TestPerson, extra: Record<string, unknown> = {}) => ({
  requestId: requestId(), ...p,
  unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version }, ...extra,
});
const flexibleForm = (p: TestPerson, extra: Record<string, unknown> = {}) => ({
  requestId: requestId(), ...p,
  employmentForm: '新就业形态（平台）', platform: '某外卖平台', occupation: '外卖配送', startDate: '2026-02-01', workRegion: p.residenceAddress.regionCode,
  commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version }, ...extra,
});

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway({ now: NOW, gov: { persons: [], staff: STAFF } }); });
afterAll(async () => { await gw.close(); });

async function activeKinds(openid: string): Promise<string[]> {
  const s = await gw.call('getMyStatus', {}, openid);
  return s.json.data.registrations.map((r: { kind: string }) => r.kind);
}

describe('one active registration per person, of either kind', () => {
  it('灵活就业转失业: filing 失业登记 while 灵活就业 is active warns (409, nothing stored), and with the tick ends the 灵活就业登记 (吉人社函字〔2018〕175号 二(三))', async () => {
    const p = makePerson();
    gw.writeGov({ persons: [govRecord(p)], staff: STAFF });
    const f = await gw.call('submitFlexibleEmployment', flexibleForm(p), 'lc-1');
    expect(f.json.data.status).toBe('approved');
    const form = unemploymentForm(p);
    const warned = await gw.call('submitUnemploymentRegistration', form, 'lc-1');
    expect(warned.status).toBe(409);
    expect(warned.json.error?.message).toContain('灵活就业登记将终止');
    expect(warned.json.error?.message).toContain('吉人社函字〔2018〕175号 二(三)');
    expect(await activeKinds('lc-1')).toEqual(['flexible']);
    const u = await gw.call('submitUnemploymentRegistration', { ...form, endsFlexibleConfirmed: true }, 'lc-1');
    expect(u.json.data.status).toBe('approved');
    expect(await activeKinds('lc-1')).toEqual(['unemployment']);
    const progress = await gw.call('getProgress', { applicationId: f.json.data.applicationId }, 'lc-1');
    expect(progress.json.data.timeline.at(-1)).toMatchObject({ status: 'deregistered', note: '灵活就业转失业' });
    const titles = (await gw.call('listMyMessages', {}, 'lc-1')).json.data.messages.map((m: { title: string }) => m.title);
    expect(titles).toContain('您的灵活就业登记已注销');
    const cert = await gw.call('getMyCertificate', {}, 'lc-1');
    expect(cert.json.data).toMatchObject({ registrationStatus: 'active', registrationKind: 'unemployment' });
  });

  it('the certificate never says 已注销 while the person holds an active 灵活就业登记', async () => {
    const p = makePerson();
    gw.writeGov({ persons: [govRecord(p)], staff: STAFF });
    expect((await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'lc-2')).json.data.status).toBe('approved');
    const f = await gw.call('submitFlexibleEmployment', flexibleForm(p, { incomeAtLeastMinimumLiving: true, endsUnemploymentConfirmed: true }), 'lc-2');
    expect(f.json.data.status).toBe('approved');
    expect(f.json.data.certificate).toMatchObject({ registrationStatus: 'active', registrationKind: 'flexible' });
    expect(await activeKinds('lc-2')).toEqual(['flexible']);
  });

  it('a staff scan (verifyCertificate) of a person whose 失业登记 ended in an active 灵活就业登记 reads 灵活就业登记有效, not 登记已注销', async () => {
    const p = makePerson();
    gw.writeGov({ persons: [govRecord(p)], staff: STAFF });
    expect((await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'lc-scan')).json.data.status).toBe('approved');
    const f = await gw.call('submitFlexibleEmployment', flexibleForm(p, { incomeAtLeastMinimumLiving: true, endsUnemploymentConfirmed: true }), 'lc-scan');
    expect(f.json.data.status).toBe('approved');
    const token = (await gw.call('getMyCertificate', {}, 'lc-scan')).json.data.qrToken;
    const scan = await gw.call('verifyCertificate', { token }, 'lc-reviewer');
    expect(scan.status).toBe(200);
    expect(scan.json.data).toMatchObject({ valid: true, status: 'valid', registrationStatus: 'active', registrationKind: 'flexible' });
    // the words the scan page shows, from the one wording it shares with the certificate page
    const words = registrationStatusText({ status: scan.json.data.registrationStatus, kind: scan.json.data.registrationKind });
    expect(words).toBe('灵活就业登记有效');
    expect(words).not.toContain('已注销');
  });

  it('the certificate is issued in the county the person lives in when another county\'s office approves it (大人社规发〔2025〕2号 一(一))', async () => {
    // registered at the 户籍地 (沙河口区, whose office reviews it), living in 中山区
    const p = makePerson({ region: '210204', residenceAddress: { regionCode: '210202', detail: '人民路 8 号 2-1-1' } });
    gw.writeGov({ persons: [govRecord(p, { unitInsurance: { unit: '甲公司', since: '2020-01-01' } })], staff: STAFF });
    const u = await gw.call('submitUnemploymentRegistration', unemploymentForm(p, { registrationPlace: 'hukou' }), 'lc-county');
    expect(u.json.data.status).toBe('pending_review');
    const detail = await gw.call('getApplicationDetail', { applicationId: u.json.data.applicationId }, 'lc-reviewer');
    expect(detail.json.data.region).toBe('210204');
    const approved = await gw.call('decideApplication', { applicationId: u.json.data.applicationId, decision: 'approve' }, 'lc-reviewer');
    expect(approved.json.data.status).toBe('approved');
    const cert = (await gw.call('getMyCertificate', {}, 'lc-county')).json.data;
    expect(cert.issuingRegion).toBe('210202');
    expect(cert.issuingRegionName).toContain('中山区');
    expect(cert.certificateNo.startsWith('210202')).toBe(true);
  });

  it('a monthly income below the 最低生活保障标准 is not 灵活就业: refused with the reason, nothing stored, the 失业登记 kept (鞍人社〔2020〕21号 五(二))', async () => {
    const p = makePerson();
    gw.writeGov({ persons: [govRecord(p)], staff: STAFF });
    expect((await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'lc-3')).json.data.status).toBe('approved');
    const below = await gw.call('submitFlexibleEmployment', flexibleForm(p, { incomeAtLeastMinimumLiving: false, endsUnemploymentConfirmed: true }), 'lc-3');
    expect(below.status).toBe(400);
    expect(below.json.error?.fields?.incomeAtLeastMinimumLiving).toBe(INCOME_BELOW_MINIMUM);
    expect(await activeKinds('lc-3')).toEqual(['unemployment']);
    const apps = (await gw.call('listMyApplications', {}, 'lc-3')).json.data.applications;
    expect(apps.map((a: { kind: string }) => a.kind)).toEqual(['unemployment']);
  });

  it('staff approval cannot end a registration the person did not confirm ending: CONFLICT for the reviewer, nothing changes', async () => {
    const p = makePerson();
    // insured when the 灵活就业 is filed → review; the insurance then ends and the 失业登记 is approved at once
    gw.writeGov({ persons: [govRecord(p, { unitInsurance: { unit: '某物流有限公司', since: '2020-01-01' } })], staff: STAFF });
    const f = await gw.call('submitFlexibleEmployment', flexibleForm(p), 'lc-4');
    expect(f.json.data.status).toBe('pending_review');
    gw.writeGov({ persons: [govRecord(p)], staff: STAFF });
    expect((await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'lc-4')).json.data.status).toBe('approved');
    const decided = await gw.call('decideApplication', { applicationId: f.json.data.applicationId, decision: 'approve' }, 'lc-reviewer');
    expect(decided.status).toBe(409);
    expect(decided.json.error?.message).toContain('申请人提交时未确认终止');
    expect(await activeKinds('lc-4')).toEqual(['unemployment']);
    const still = await gw.call('getProgress', { applicationId: f.json.data.applicationId }, 'lc-4');
    expect(still.json.data.status).toBe('pending_review');
  });

  it('staff approval of a confirmed 灵活就业 ends the 失业登记 through the same rule as 秒办 (AJC00A 13)', async () => {
    const p = makePerson();
    gw.writeGov({ persons: [govRecord(p)], staff: STAFF });
    const u = await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'lc-5');
    expect(u.json.data.status).toBe('approved');
    gw.writeGov({ persons: [govRecord(p, { contractFiling: { unit: '某家政服务部', since: '2026-01-01' } })], staff: STAFF });
    const f = await gw.call('submitFlexibleEmployment', flexibleForm(p, { incomeAtLeastMinimumLiving: true, endsUnemploymentConfirmed: true }), 'lc-5');
    expect(f.json.data.status).toBe('pending_review');
    expect(await activeKinds('lc-5')).toEqual(['unemployment']);
    const decided = await gw.call('decideApplication', { applicationId: f.json.data.applicationId, decision: 'approve' }, 'lc-reviewer');
    expect(decided.status).toBe(200);
    expect(await activeKinds('lc-5')).toEqual(['flexible']);
    const ended = await gw.call('getProgress', { applicationId: u.json.data.applicationId }, 'lc-5');
    expect(ended.json.data.timeline.at(-1)).toMatchObject({ status: 'deregistered', note: '已从事有稳定收入的劳动，并且月收入不低于当地最低生活保障标准' });
  });

  it('two submissions of the two kinds at once leave exactly one active registration', async () => {
    for (let i = 0; i < 3; i++) {
      const p = makePerson();
      const openid = `lc-race-${i}`;
      gw.writeGov({ persons: [govRecord(p)], staff: STAFF });
      const answers = await Promise.all([
        gw.call('submitUnemploymentRegistration', unemploymentForm(p, { endsFlexibleConfirmed: true }), openid),
        gw.call('submitFlexibleEmployment', flexibleForm(p, { incomeAtLeastMinimumLiving: true, endsUnemploymentConfirmed: true }), openid),
      ]);
      for (const a of answers) expect([200, 409]).toContain(a.status);
      expect(await activeKinds(openid)).toHaveLength(1);
    }
  });
});

describe('conditions of 失业登记 the machine cannot decide go to a person (鞍人社〔2020〕21号 一), never a refusal', () => {
  it('a declared 伤残等级一级 is not 秒办: review with the reason 劳动能力', async () => {
    const p = makePerson({ health: '6', disabilityLevel: '1' });
    gw.writeGov({ persons: [govRecord(p)], staff: STAFF });
    const { status, json } = await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'lc-dis1');
    expect(status).toBe(200);
    expect(json.data.status).toBe('pending_review');
    const check = json.data.checks.find((c: { name: string }) => c.name === 'workAbility');
    expect(check).toMatchObject({ passed: false });
    expect(check.detail).toContain('需工作人员核实是否有劳动能力');
  });

  it('a lower 伤残等级 is approved at once like anyone else', async () => {
    const p = makePerson({ health: '6', disabilityLevel: '5' });
    gw.writeGov({ persons: [govRecord(p)], staff: STAFF });
    const { json } = await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'lc-dis5');
    expect(json.data.status).toBe('approved');
    expect(json.data.checks.some((c: { name: string }) => c.name === 'workAbility')).toBe(false);
  });

  it('港澳台居民 are asked whether they were employed in 内地（大陆）: unanswered → a field message, nothing stored', async () => {
    const a = makePerson({ idType: '17', idNumber: makeIdNumber({ region: '810000', birth: '19900101', gender: '2' }) });
    const missing = await gw.call('submitUnemploymentRegistration', unemploymentForm(a), 'lc-hk-a', { check: false });
    expect(missing.status).toBe(400);
    expect(missing.json.error?.fields?.employedInMainlandBefore).toContain('在内地（大陆）就业后失业');
    // a person from the mainland is not asked (the answer is dropped)
    const mainland = makePerson();
    gw.writeGov({ persons: [govRecord(mainland)], staff: STAFF });
    const m = await gw.call('submitUnemploymentRegistration', unemploymentForm(mainland, { employedInMainlandBefore: false }), 'lc-hk-m');
    expect(m.json.data.status).toBe('approved');
  });

  // The online 实人核验 takes only 居民身份证 numbers today, so a 港澳台居民 cannot reach the checks through
  // the gateway; the decision itself is tested on the function the handler runs.
  it('"no" sends a 港澳台居民 to review with the reason, "yes" (their written declaration) passes', () => {
    const hk = { idType: '17', idNumber: makeIdNumber({ region: '810000', birth: '19900101', gender: '2' }) };
    expect(unemploymentConditionChecks({ ...hk, employedInMainlandBefore: false })).toEqual([
      { name: 'mainlandEmployment', passed: false, detail: expect.stringContaining('需工作人员核实') },
    ]);
    expect(unemploymentConditionChecks({ ...hk, employedInMainlandBefore: true })).toEqual([
      { name: 'mainlandEmployment', passed: true, detail: expect.stringContaining('本人承诺曾在内地（大陆）就业') },
    ]);
    expect(unemploymentConditionChecks({ idType: '01', idNumber: makeIdNumber() })).toEqual([]);
  });
});

describe('getCommitments: the commitments an outside caller can accept (issue 12)', () => {
  it('publishes each kind\'s current version and full text to anyone, without a real-person check', async () => {
    const { status, json } = await gw.call('getCommitments', {}, 'lc-outsider', { check: false });
    expect(status).toBe(200);
    expect(json.data.commitments).toEqual([
      { kind: 'certificate', action: 'applyCertificate', version: COMMITMENTS.certificate.version, text: COMMITMENTS.certificate.text },
      { kind: 'unemployment', action: 'submitUnemploymentRegistration', version: COMMITMENTS.unemployment.version, text: COMMITMENTS.unemployment.text },
      { kind: 'flexible', action: 'submitFlexibleEmployment', version: COMMITMENTS.flexible.version, text: COMMITMENTS.flexible.text },
    ]);
  });

  it('accepts only the published version: another one is refused with the reason, nothing stored', async () => {
    const p = makePerson();
    gw.writeGov({ persons: [govRecord(p)], staff: STAFF });
    const published = (await gw.call('getCommitments', {}, 'lc-old')).json.data.commitments.find((c: { kind: string }) => c.kind === 'unemployment');
    const old = await gw.call('submitUnemploymentRegistration', unemploymentForm(p, { commitment: { accepted: true, textVersion: `${published.version}-old` } }), 'lc-old');
    expect(old.status).toBe(400);
    expect(old.json.error?.fields?.['commitment.textVersion']).toBe('承诺书内容已更新，请重新阅读并勾选承诺');
    const now = await gw.call('submitUnemploymentRegistration', unemploymentForm(p, { commitment: { accepted: true, textVersion: published.version } }), 'lc-old');
    expect(now.json.data.status).toBe('approved');
  });
});
