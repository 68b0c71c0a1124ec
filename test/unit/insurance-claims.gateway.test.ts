/**
 * 一件事 (人社厅发〔2020〕79号 一(五)): a 失业登记 whose person asked for 失业保险金 hands that claim to the
 * unemployment-insurance system — through the real gateway and its local adapter (a JSON-lines file that
 * fails while the outside-data file lists `insuranceClaims` as down), and the HTTP adapter against a real
 * local server. Never lost, never sent as two claims, the person told each step.
 */
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
import { httpInsuranceClaims } from '../../cloudfunctions/adapters/insurance.http';
import { MAX_ATTEMPTS } from '../../cloudfunctions/core/insurance-claims';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const STAFF = [{ openid: 'ic-reviewer', name: '审核员', region: '2102', role: 'reviewer' }];
const claimant = makePerson({ region: '210204' });
const other = makePerson({ region: '210204' });
const unlucky = makePerson({ region: '210204' });
const persons = [claimant, other, unlucky].map((p) => govRecord(p));
let gw: TestGateway;

const form = (p: TestPerson, claims: boolean) => ({
  requestId: requestId(), ...p, unemployedSince: '2026-04', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: claims,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});
const claimLines = () => {
  const file = join(gw.dataDir, 'insurance-claims.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
};

beforeAll(async () => { gw = await startTestGateway({ now: '2026-07-06T09:30:00+08:00', gov: { persons, staff: STAFF, down: ['insuranceClaims'] } }); });
afterAll(async () => { await gw.close(); });

describe('the 失业保险金 claim goes on to its system', () => {
  let applicationId = '';

  it('is queued with the approval, and the person is told what happens next', async () => {
    const r = await gw.call('submitUnemploymentRegistration', form(claimant, true), 'ic-claimant');
    expect(r.json.data.status).toBe('approved');
    applicationId = r.json.data.applicationId;
    expect(r.json.data.insuranceClaim).toMatchObject({ status: 'queued' });
    const msg = (await gw.call('listMyMessages', {}, 'ic-claimant')).json.data.messages.find((m: { title: string }) => m.title.includes('失业保险金'));
    expect(msg.title).toBe('失业保险金申领将转交失业保险经办机构');
    // a person who did not ask for it: no claim
    const no = await gw.call('submitUnemploymentRegistration', form(other, false), 'ic-other');
    expect(no.json.data.insuranceClaim).toBeUndefined();
  });

  it('waits while the system is down, then is sent once, with its reference told to the person', async () => {
    const down = await gw.call('runScheduler', {}, null);
    expect(down.json.data.insuranceClaims).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(claimLines()).toEqual([]);
    expect((await gw.call('getProgress', { applicationId }, 'ic-claimant')).json.data.insuranceClaim.status).toBe('queued');

    gw.writeGov({ persons, staff: STAFF });
    const up = await gw.call('runScheduler', {}, null);
    expect(up.json.data.insuranceClaims).toEqual({ sent: 1, retrying: 0, failed: 0 });
    const lines = claimLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ claimId: applicationId, region: '210204', registeredOn: '2026-07-06' });
    // what is written is read by people: the ID number masked
    expect(JSON.stringify(lines[0])).not.toContain(claimant.idNumber);
    const seen = (await gw.call('getProgress', { applicationId }, 'ic-claimant')).json.data.insuranceClaim;
    expect(seen).toMatchObject({ status: 'sent', reference: lines[0].reference });
    const told = (await gw.call('listMyMessages', {}, 'ic-claimant')).json.data.messages.find((m: { title: string }) => m.title === '失业保险金申领已转交');
    expect(told.body).toContain(lines[0].reference);

    expect((await gw.call('runScheduler', {}, null)).json.data.insuranceClaims).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(claimLines()).toHaveLength(1);
  });

  it(`after ${MAX_ATTEMPTS} failed attempts it is marked failed, the person is told, and staff are asked to help`, async () => {
    gw.writeGov({ persons, staff: STAFF, down: ['insuranceClaims'] });
    const r = await gw.call('submitUnemploymentRegistration', form(unlucky, true), 'ic-unlucky');
    const id = r.json.data.applicationId;
    let failed = 0;
    for (let i = 0; i < MAX_ATTEMPTS; i++) failed += (await gw.call('runScheduler', {}, null)).json.data.insuranceClaims.failed;
    expect(failed).toBe(1);
    expect((await gw.call('getProgress', { applicationId: id }, 'ic-unlucky')).json.data.insuranceClaim.status).toBe('failed');
    expect((await gw.call('listMyMessages', {}, 'ic-unlucky')).json.data.messages.map((m: { title: string }) => m.title)).toContain('失业保险金申领暂未转交成功');
    expect((await gw.call('listMyMessages', {}, 'ic-reviewer')).json.data.messages.map((m: { title: string }) => m.title)).toContain('失业保险金申领转交失败');
  });
});

describe('the HTTP adapter (README "Unemployment-insurance handoff")', () => {
  it('maps 2xx to a reference, 5xx and timeouts to "send again", 4xx and ok:false to "refused"', async () => {
    const seen: Array<{ auth?: string; body: unknown }> = [];
    const server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (c) => { text += c; });
      req.on('end', () => {
        const body = JSON.parse(text);
        seen.push({ auth: req.headers.authorization, body });
        const send = (status: number, b: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(b)); };
        if (body.claimId === 'ok') return send(200, { ok: true, data: { reference: 'SY-0001' } });
        if (body.claimId === 'busy') return send(503, { ok: false });
        if (body.claimId === 'bad') return send(400, { ok: false });
        if (body.claimId === 'no') return send(200, { ok: false });
        // 'slow': never answers in time
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const port = httpInsuranceClaims({ baseUrl: url, token: 'tok', timeoutMs: 300 });
      const claim = (claimId: string) => ({ claimId, name: '王建国', idType: '01', idNumber: '210202199003151255', region: '210202', registeredOn: '2026-07-06' });
      expect(await port.submit(claim('ok'))).toEqual({ ok: true, reference: 'SY-0001' });
      expect(await port.submit(claim('busy'))).toMatchObject({ ok: false, retry: true });
      expect(await port.submit(claim('bad'))).toMatchObject({ ok: false, retry: false });
      expect(await port.submit(claim('no'))).toMatchObject({ ok: false, retry: false });
      expect(await port.submit(claim('slow'))).toEqual({ ok: false, retry: true, reason: 'timeout' });
      expect(seen[0].auth).toBe('Bearer tok');
      expect(seen[0].body).toMatchObject({ claimId: 'ok', region: '210202' });
    } finally {
      server.closeAllConnections?.();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
