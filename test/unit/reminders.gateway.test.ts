/**
 * Reminders that keep reaching people (issue 20): a one-time subscribe tap allows one message, so later
 * ones fall back to SMS; where the deployment holds a template as 长期订阅 (政务民生), one consent keeps
 * them coming until the person turns it off — here or in WeChat (43101). The person sees how they are
 * reminded and can turn WeChat notices off. Sends are read from DATA_DIR/outbox-sent.log.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSentLog } from '../../cloudfunctions/adapters/channels.local';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const NOW = '2026-03-10T10:00:00+08:00';
const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

const unemployment = (p: TestPerson) => ({
  requestId: requestId(), ...p, unemployedSince: '2026-01', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});

async function gateway(o: { longTerm?: boolean; notSubscribed?: string[] }, persons: TestPerson[]): Promise<TestGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'jy-rem-'));
  dirs.push(dataDir);
  return startTestGateway({
    now: NOW, dataDir, gov: { persons: persons.map((p) => govRecord(p)) },
    ...(o.longTerm ? { longTermTemplates: ['result'] } : {}),
    ...(o.notSubscribed ? { channelFaults: { notSubscribed: o.notSubscribed } } : {}),
  });
}

/** Two results for one account: a certificate, then a 失业登记. */
async function twoResults(gw: TestGateway, openid: string, p: TestPerson) {
  await gw.call('applyCertificate', { requestId: requestId(), ...p }, openid);
  await gw.call('submitUnemploymentRegistration', unemployment(p), openid);
  expect((await gw.call('runScheduler', {}, null)).status).toBe(200);
  return readSentLog(gw.dataDir).filter((l) => l.template === 'result').map((l) => l.channel).sort();
}

it('长期订阅: one consent carries every result message by WeChat; the person sees it as long-term', async () => {
  const p = makePerson({ region: '210204' });
  const gw = await gateway({ longTerm: true }, [p]);
  try {
    await gw.call('recordSubscription', { templates: { result: 'accept' } }, 'rem-long');
    expect(await twoResults(gw, 'rem-long', p)).toEqual(['subscribe', 'subscribe']);
    const mine = (await gw.call('getMyReminders', {}, 'rem-long')).json.data;
    expect(mine.channels.find((c: { template: string }) => c.template === 'result')).toMatchObject({ wechat: 'long_term', longTermAvailable: true, title: '办理结果通知' });
    expect(mine.smsPhone).toMatch(/^1\d{2}\*{4}\d{4}$/);
    expect(mine.smsPhone).not.toBe(p.phone);
  } finally {
    await gw.close();
  }
});

it('without 长期订阅 the same tap carries one message and the next goes by SMS; the person sees what is left', async () => {
  const p = makePerson({ region: '210204' });
  const gw = await gateway({}, [p]);
  try {
    await gw.call('recordSubscription', { templates: { result: 'accept' } }, 'rem-once');
    const before = (await gw.call('getMyReminders', {}, 'rem-once')).json.data.channels.find((c: { template: string }) => c.template === 'result');
    expect(before).toMatchObject({ wechat: 'once', remaining: 1, longTermAvailable: false });
    expect(await twoResults(gw, 'rem-once', p)).toEqual(['sms', 'subscribe']);
    expect((await gw.call('getMyReminders', {}, 'rem-once')).json.data.channels[0]).toMatchObject({ wechat: 'none', remaining: 0 });
  } finally {
    await gw.close();
  }
});

it('turned off here (stopSubscription) or in WeChat (43101): WeChat notices stop, SMS carries them', async () => {
  const a = makePerson({ region: '210204' });
  const b = makePerson({ region: '210204' });
  const gw = await gateway({ longTerm: true, notSubscribed: ['rem-wechat-off'] }, [a, b]);
  try {
    await gw.call('recordSubscription', { templates: { result: 'accept' } }, 'rem-off');
    const off = await gw.call('stopSubscription', { template: 'result' }, 'rem-off');
    expect(off.status).toBe(200);
    expect((await gw.call('getMyReminders', {}, 'rem-off')).json.data.channels[0].wechat).toBe('none');
    expect((await gw.call('stopSubscription', { template: 'nosuch' }, 'rem-off')).status).toBe(400);

    await gw.call('recordSubscription', { templates: { result: 'accept' } }, 'rem-wechat-off');
    await gw.call('applyCertificate', { requestId: requestId(), ...b }, 'rem-wechat-off');
    await gw.call('applyCertificate', { requestId: requestId(), ...a }, 'rem-off');
    await gw.call('runScheduler', {}, null);
    const sent = readSentLog(gw.dataDir).filter((l) => l.template === 'result');
    // both reached by SMS: one turned off here, one refused by WeChat (its long-term consent then ends)
    expect(sent.map((l) => l.channel)).toEqual(['sms', 'sms']);
    expect((await gw.call('getMyReminders', {}, 'rem-wechat-off')).json.data.channels[0].wechat).toBe('none');
  } finally {
    await gw.close();
  }
});
