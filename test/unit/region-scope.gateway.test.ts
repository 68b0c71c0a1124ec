/**
 * The one region rule (core/access.ts `staffMaySee`, docs/security.md "Region scope") where two
 * staff actions had bypassed it: the counter route (`confirmIdentityAtCounter`) compared the raw
 * staff region with the code's region, and the 好差评 part of `monthlyStats` queried by the raw
 * region as a store prefix — so a city written as six digits (210200, as directories write it)
 * could not confirm a person of 210202 nor saw its districts' ratings. Both ways through the
 * gateway: staff of the same city may, staff of another region may not.
 */
import { maskName } from '@shared/mask';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';

const NOW = '2026-05-12T09:30:00+08:00'; // statistics period 2026-04-21 … 2026-05-20
const CITY6 = { openid: 'rs-city6', name: '林晓燕', region: '210200', role: 'admin' }; // 大连市, six digits
const CITY4 = { openid: 'rs-city4', name: '韩志远', region: '2102', role: 'admin' };
const OTHER6 = { openid: 'rs-other6', name: '钱立群', region: '210300', role: 'admin' }; // 鞍山市
const OTHER4 = { openid: 'rs-other4', name: '孙建华', region: '2103', role: 'admin' };

describe('the one region rule in the counter route and the 好差评 statistics', () => {
  const walkIn = makePerson({ region: '210202' }); // 中山区, a district of 大连
  const secondWalkIn = makePerson({ region: '210202' });
  const rater = makePerson({ region: '210202' });
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startTestGateway({
      now: NOW,
      gov: { persons: [govRecord(walkIn, { realPerson: 'fail' }), govRecord(secondWalkIn, { realPerson: 'fail' }), govRecord(rater)], staff: [CITY6, CITY4, OTHER6, OTHER4] },
    });
  });
  afterAll(async () => { await gw?.close(); });

  const codeFor = async (openid: string, p: typeof walkIn) => {
    const r = await gw.call('requestCounterCheck', { name: p.name, idType: p.idType, idNumber: p.idNumber, region: '210202' }, openid);
    expect(r.status).toBe(200);
    return r.json.data.code as string;
  };

  test('counter: staff of another city (six or four digits) get 404 and bind nothing; staff of 大连 written 210200 confirm a person of 210202', async () => {
    const ME = 'rs-walkin';
    const code = await codeFor(ME, walkIn);
    const seen = { code, documentType: '01', documentNumber: walkIn.idNumber, name: walkIn.name };
    for (const far of [OTHER6, OTHER4]) {
      const r = await gw.call('confirmIdentityAtCounter', seen, far.openid);
      expect([far.region, r.status]).toEqual([far.region, 404]);
      expect(JSON.stringify(r.json)).not.toContain(walkIn.name);
    }
    // still not bound after the refusals
    expect((await gw.call('getMyData', {}, ME)).json.data.people).toEqual([]);
    const ok = await gw.call('confirmIdentityAtCounter', seen, CITY6.openid);
    expect(ok.status).toBe(200);
    expect(ok.json.data).toMatchObject({ confirmed: true, holderName: maskName(walkIn.name) });
    const mine = (await gw.call('getMyData', {}, ME)).json.data.people;
    expect(mine).toHaveLength(1);
    expect(mine[0].devices).toEqual([expect.objectContaining({ via: 'counter', thisDevice: true })]);
  });

  test('counter: the same city written as four digits may too', async () => {
    const ME = 'rs-walkin-2';
    const code = await codeFor(ME, secondWalkIn);
    const r = await gw.call('confirmIdentityAtCounter', { code, documentType: '01', documentNumber: secondWalkIn.idNumber, name: secondWalkIn.name }, CITY4.openid);
    expect(r.json.data).toMatchObject({ confirmed: true });
  });

  test('好差评 in monthlyStats: a rating of 210202 counts for 大连 staff (210200 and 2102), not for another city', async () => {
    const applied = await gw.call('applyCertificate', { requestId: requestId(), ...rater }, 'rs-rater');
    expect(applied.json.data.status).toBe('approved');
    const rated = await gw.call('rateService', { requestId: requestId(), applicationId: applied.json.data.applicationId, score: 4, comment: '窗口指引清楚' }, 'rs-rater');
    expect(rated.status).toBe(200);
    for (const s of [CITY6, CITY4]) {
      const r = await gw.call('monthlyStats', { month: '2026-05' }, s.openid);
      expect([s.region, r.json.data.ratings]).toEqual([s.region, { count: 1, average: 4, byScore: [0, 0, 0, 1, 0], comments: [{ score: 4, comment: '窗口指引清楚' }] }]);
    }
    for (const s of [OTHER6, OTHER4]) {
      const r = await gw.call('monthlyStats', { month: '2026-05' }, s.openid);
      expect([s.region, r.json.data.ratings]).toEqual([s.region, { count: 0, average: null, byScore: [0, 0, 0, 0, 0], comments: [] }]);
    }
  });
});
