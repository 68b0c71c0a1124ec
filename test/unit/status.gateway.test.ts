/**
 * `getMyStatus` through the real gateway: what the home page shows at the top (issue "Citizen
 * experience" §1) — the registration in force and since when, the next monthly follow-up
 * (人社厅发〔2020〕79号 一(四)), an application waiting for staff with its due date, and nothing of anyone else.
 */
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

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

describe('getMyStatus: the citizen home page status', () => {
  const NOW = '2026-03-10T10:00:00+08:00'; // a Tuesday
  const clean = makePerson();
  const insured = makePerson();
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({ now: NOW, gov: { persons: [
      govRecord(clean),
      govRecord(insured, { unitInsurance: { unit: '海滨重型机械有限公司', since: '2021-04-01' } }),
    ] } });
  });
  afterAll(async () => { await gw.close(); });

  it('is empty for a person who has done nothing yet', async () => {
    const { status, json } = await gw.call('getMyStatus', {}, 'st-new');
    expect(status).toBe(200);
    expect(json.data).toEqual({ registrations: [], nextFollowUp: null, pending: [], certificate: null });
  });

  it('shows an approved 失业登记 with its start day, the next monthly follow-up and the certificate', async () => {
    const sub = await gw.call('submitUnemploymentRegistration', unemploymentForm(clean), 'st-clean');
    expect(sub.json.data.status).toBe('approved');
    const { json } = await gw.call('getMyStatus', {}, 'st-clean');
    expect(json.data.registrations).toEqual([{ kind: 'unemployment', applicationId: sub.json.data.applicationId, since: '2026-03-10' }]);
    expect(json.data.nextFollowUp).toBe('2026-04-10');
    expect(json.data.pending).toEqual([]);
    expect(json.data.certificate).toEqual({ status: 'valid' });
  });

  it('shows an application waiting for staff with its due date in working days', async () => {
    const sub = await gw.call('submitFlexibleEmployment', flexibleForm(insured), 'st-insured');
    expect(sub.json.data.status).toBe('pending_review');
    const { json } = await gw.call('getMyStatus', {}, 'st-insured');
    expect(json.data.registrations).toEqual([]);
    expect(json.data.nextFollowUp).toBeNull();
    expect(json.data.pending).toHaveLength(1);
    expect(json.data.pending[0]).toMatchObject({ applicationId: sub.json.data.applicationId, kind: 'flexible', dueDate: sub.json.data.dueDate });
    expect(json.data.pending[0].dueDate).toMatch(/^2026-03-1\d$/);
  });

  it('tells nothing of another person', async () => {
    const { json } = await gw.call('getMyStatus', {}, 'st-someone-else');
    expect(json.data.registrations).toEqual([]);
    expect(json.data.pending).toEqual([]);
  });
});
