/**
 * The provincial data exchange adapter against a real local HTTP server: answers mapped, and every
 * kind of failure (HTTP error, bad JSON, ok:false, slower than the timeout) is "unavailable" so the
 * application goes to review (docs/product.md), never an error to the citizen.
 */
import http from 'node:http';
import { httpGovData } from '../../cloudfunctions/adapters/govdata.http';
import { identityCheck, employmentChecks, pensionCheck } from '../../cloudfunctions/core/checks';
import { combinedGovData, faceIdIdentity } from '../../cloudfunctions/adapters/identity.faceid';

type Route = (body: { idNumber: string }, res: http.ServerResponse) => void;

async function serve(routes: Record<string, Route>) {
  const seen: Array<{ path: string; auth?: string; body: unknown }> = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => { text += c; });
    req.on('end', () => {
      const body = JSON.parse(text || '{}');
      seen.push({ path: req.url ?? '', auth: req.headers.authorization, body });
      const route = routes[req.url ?? ''];
      if (!route) { res.writeHead(404); res.end(); return; }
      route(body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise<void>((r) => { server.closeAllConnections?.(); server.close(() => r()); }) };
}

const json = (res: http.ServerResponse, body: unknown, status = 200) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(body)); };

describe('provincial data exchange adapter (README "Provincial data exchange")', () => {
  it('maps each source and sends the bearer token', async () => {
    const srv = await serve({
      '/v1/pension': (_b, res) => json(res, { ok: true, data: { receiving: false } }),
      '/v1/social-insurance': (_b, res) => json(res, { ok: true, data: { record: { unit: '某机械厂', since: '2021-04-01' } } }),
      '/v1/contract-filing': (_b, res) => json(res, { ok: true, data: { record: null } }),
      '/v1/business-registration': (_b, res) => json(res, { ok: true, data: { record: null } }),
    });
    try {
      const gov = httpGovData({ baseUrl: srv.url, token: 't0ken' });
      await expect(gov.pension('X')).resolves.toEqual({ available: true, value: { receiving: false } });
      await expect(gov.socialInsurance('X')).resolves.toEqual({ available: true, value: { unit: '某机械厂', since: '2021-04-01' } });
      await expect(gov.contractFiling('X')).resolves.toEqual({ available: true, value: null });
      expect(srv.seen[0].auth).toBe('Bearer t0ken');
      expect(srv.seen[0].body).toEqual({ idNumber: 'X' });
    } finally { await srv.close(); }
  });

  it('treats an HTTP error, bad JSON, ok:false and a malformed record as unavailable', async () => {
    const srv = await serve({
      '/v1/pension': (_b, res) => json(res, { ok: false }, 500),
      '/v1/social-insurance': (_b, res) => { res.writeHead(200); res.end('<html>'); },
      '/v1/contract-filing': (_b, res) => json(res, { ok: false, error: 'x' }),
      '/v1/business-registration': (_b, res) => json(res, { ok: true, data: { record: { name: 42 } } }),
    });
    try {
      const gov = httpGovData({ baseUrl: srv.url });
      for (const r of await Promise.all([gov.pension('X'), gov.socialInsurance('X'), gov.contractFiling('X'), gov.businessRegistration('X')])) {
        expect(r.available).toBe(false);
      }
    } finally { await srv.close(); }
  });

  it('reads the provincial 《就业创业证》 record (换发 / 补发), and a malformed one is unavailable, not a first certificate', async () => {
    const held = { certificateNo: '21010220190000123', issuingRegion: '210102', issuedOn: '2019-05-06', service: { date: '2024-08-15', what: '提供职业指导' } };
    const srv = await serve({
      '/v1/certificate': (b, res) => json(res, { ok: true, data: { record: b.idNumber === 'HELD' ? held : b.idNumber === 'BAD' ? { certificateNo: 5 } : null } }),
    });
    try {
      const gov = httpGovData({ baseUrl: srv.url });
      expect(await gov.certificate('HELD')).toEqual({ available: true, value: held });
      expect(await gov.certificate('NONE')).toEqual({ available: true, value: null });
      expect((await gov.certificate('BAD')).available).toBe(false);
    } finally {
      await srv.close();
    }
  });

  it('gives up on a source slower than the timeout and the check says 数据暂不可比对', async () => {
    const srv = await serve({
      '/v1/pension': (_b, res) => { setTimeout(() => json(res, { ok: true, data: { receiving: false } }), 1500); },
    });
    try {
      const gov = httpGovData({ baseUrl: srv.url, timeoutMs: 200 });
      const started = Date.now();
      const c = await pensionCheck(combinedGovData(async () => ({ available: true, value: { matched: true } }), gov), 'X');
      expect(Date.now() - started).toBeLessThan(1200);
      expect(c.passed).toBe(false);
      expect(c.detail).toContain('数据暂不可比对');
    } finally { await srv.close(); }
  });

  it('never lets a source take longer than 2 s, whatever the configuration says (渝人社办〔2020〕79号 秒办)', async () => {
    const never = { pension: () => new Promise<never>(() => {}) } as never;
    const started = Date.now();
    const c = await pensionCheck(never, 'X', 300);
    expect(c.detail).toContain('数据暂不可比对');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('FaceID IdCardVerification identity adapter', () => {
  const client = (result: string | Error) => ({ request: async () => { if (result instanceof Error) throw result; return { Result: result }; } });
  it('maps 0 to a match, -1 to a mismatch, and an error to unavailable', async () => {
    const gov = (r: string | Error) => combinedGovData(faceIdIdentity({ secretId: 'a', secretKey: 'b' }, client(r)), {} as never);
    expect((await identityCheck(gov('0'), 'X', '某某')).passed).toBe(true);
    const mismatch = await identityCheck(gov('-1'), 'X', '某某');
    expect(mismatch.passed).toBe(false);
    expect(mismatch.detail).toContain('不一致');
    expect((await identityCheck(gov(new Error('network')), 'X', '某某')).detail).toContain('数据暂不可比对');
  });

  it('shows a person with records in all three systems every record', async () => {
    const gov = {
      socialInsurance: async () => ({ available: true, value: { unit: '甲公司', since: '2020-01-01' } }),
      contractFiling: async () => ({ available: true, value: { unit: '乙公司', since: '2021-01-01' } }),
      businessRegistration: async () => ({ available: true, value: { name: '丙商店', since: '2019-01-01' } }),
    } as never;
    const checks = await employmentChecks(gov, 'X');
    expect(checks.map((c) => c.detail)).toEqual(['单位参保：甲公司，2020-01-01 起', '劳动用工备案：乙公司，2021-01-01 起', '工商注册登记：丙商店，2019-01-01 起']);
  });
});
