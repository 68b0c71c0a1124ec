/**
 * Proactive reminders through the real gateway (docs/product.md "Reminders", "After registration"):
 * results told once, consent used once per tap with SMS as the fallback, the in-app list always,
 * retries that never double, quiet hours, the post-registration schedule of 人社厅发〔2020〕79号 一(三)(四)
 * and 大人社规发〔2025〕2号 三(三), and the review deadlines of 人社厅发〔2020〕79号 一(三). Time travel = a new gateway
 * on the same DATA_DIR with a later NOW. What was "sent" is read from DATA_DIR/outbox-sent.log,
 * written by the local channels.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSentLog, SENT_LOG, type SentRecord } from '../../cloudfunctions/adapters/channels.local';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import type { TaskRecord } from '../../cloudfunctions/core/schedule';
import { addWorkingDays } from '@shared/calendar';
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type GovFileContent, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId, type TestPerson } from '../support/people';

const unemploymentForm = (p: TestPerson) => ({
  requestId: requestId(), ...p,
  unemployedSince: '2025-12', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
  commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
});
const certificateForm = (p: TestPerson) => ({ requestId: requestId(), ...p });

const dirs: string[] = [];
function newDataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'jy-sched-'));
  dirs.push(d);
  return d;
}
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** A gateway on `dataDir` whose clock starts at `now`; closed after `fn`. */
async function at<T>(dataDir: string, now: string, gov: GovFileContent, fn: (gw: TestGateway) => Promise<T>): Promise<T> {
  const gw = await startTestGateway({ dataDir, now, gov });
  try {
    return await fn(gw);
  } finally {
    await gw.close();
  }
}

const runScheduler = async (gw: TestGateway) => {
  const r = await gw.call('runScheduler', {}, null);
  expect(r.status).toBe(200);
  return r.json.data as { sent: number; retried: number; failed: number; reminders: number; escalations: number; followUps: number; deferredQuietHours: number; fallbacks: number; inAppOnly: number };
};

/** (messageId, channel) pairs sent more than once — must always be empty. */
function doubles(log: SentRecord[]): string[] {
  const seen = new Map<string, number>();
  for (const r of log) seen.set(`${r.messageId}|${r.channel}`, (seen.get(`${r.messageId}|${r.channel}`) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([k]) => k);
}

const staff = [
  { openid: 'sch-reviewer', name: '审核员甲', region: '2102', role: 'reviewer' },
  { openid: 'sch-admin', name: '管理员乙', region: '2102', role: 'admin' },
];

describe('results are told at once, once (人社厅发〔2020〕79号 一(三) 及时反馈; 吉人社函字〔2018〕175号 短信通知办理结果)', () => {
  it('sends the result by subscribe message when the person tapped 允许, the service lists by SMS, and nothing twice', async () => {
    const dataDir = newDataDir();
    const p = makePerson();
    const gov = { persons: [govRecord(p)] };
    await at(dataDir, '2026-03-10T10:00:00+08:00', gov, async (gw) => {
      const sub = await gw.call('recordSubscription', { templates: { result: 'accept', reminder: 'reject' } }, 'sch-a');
      expect(sub.json.data.remaining).toEqual({ result: 1, reminder: 0 });
      const r = await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'sch-a');
      expect(r.json.data.status).toBe('approved');

      const first = await runScheduler(gw);
      expect(first).toMatchObject({ sent: 2, failed: 0, fallbacks: 1 });
      const log = readSentLog(dataDir);
      const result = log.filter((l) => l.event === 'unemployment.approved');
      expect(result).toHaveLength(1);
      expect(result[0]).toMatchObject({ channel: 'subscribe', to: 'sch-a', template: 'result' });
      expect(result[0].data!.phrase2.value).toBe('已通过');
      expect(result[0].data!.character_string4.value).toBe(r.json.data.applicationId);
      // no reminder consent: the service lists go by SMS, to the masked phone
      const services = log.filter((l) => l.event === 'unemployment.services');
      expect(services).toEqual([expect.objectContaining({ channel: 'sms', to: '139****5678', template: 'reminder' })]);
      expect(readFileSync(join(dataDir, SENT_LOG), 'utf8')).not.toContain(p.phone);

      const second = await runScheduler(gw);
      expect(second).toMatchObject({ sent: 0, retried: 0, failed: 0 });
      expect(readSentLog(dataDir)).toHaveLength(2);
      // the in-app list has both, whatever the channels did
      const msgs = await gw.call('listMyMessages', {}, 'sch-a');
      expect(msgs.json.data.messages.map((m: { title: string }) => m.title)).toEqual(['就业服务清单：政策、服务和机构', '失业登记已办结']);
    });
  });

  it('uses one consent per tap: the second result goes by SMS, a new tap makes the next one a subscribe message again', async () => {
    const dataDir = newDataDir();
    const p = makePerson();
    const q = makePerson();
    const gov = { persons: [govRecord(p), govRecord(q)] };
    await at(dataDir, '2026-03-10T10:00:00+08:00', gov, async (gw) => {
      await gw.call('recordSubscription', { templates: { result: 'accept' } }, 'sch-b');
      await gw.call('applyCertificate', certificateForm(p), 'sch-b');
      await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'sch-b');
      await runScheduler(gw);
      const results = readSentLog(dataDir).filter((l) => l.template === 'result');
      expect(results.map((l) => l.channel).sort()).toEqual(['sms', 'subscribe']);
      expect(new Set(results.map((l) => l.messageId)).size).toBe(2);

      await gw.call('recordSubscription', { templates: { result: 'accept' } }, 'sch-b');
      await gw.call('submitUnemploymentRegistration', unemploymentForm(q), 'sch-b');
      await runScheduler(gw);
      const latest = readSentLog(dataDir).filter((l) => l.template === 'result').slice(2);
      expect(latest).toEqual([expect.objectContaining({ channel: 'subscribe', event: 'unemployment.approved' })]);
      expect(doubles(readSentLog(dataDir))).toEqual([]);
    });
  });

  it('refuses a malformed subscription report with 400', async () => {
    await at(newDataDir(), '2026-03-10T10:00:00+08:00', {}, async (gw) => {
      const bad = await gw.call('recordSubscription', { templates: { nosuch: 'accept' } }, 'sch-x');
      expect(bad.status).toBe(400);
      const worse = await gw.call('recordSubscription', { templates: { result: 'yes' } }, 'sch-x');
      expect(worse.status).toBe(400);
    });
  });
});

describe('delivery under failure and concurrency (GOV.UK Notify: retried, never doubled)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of ['LOCAL_CHANNEL_FAILURE_RATE', 'LOCAL_CHANNEL_SEED', 'LOCAL_CHANNEL_NOT_SUBSCRIBED']) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });

  it('delivers every message exactly once per channel when the provider fails at random, retrying with backoff', async () => {
    process.env.LOCAL_CHANNEL_FAILURE_RATE = '0.35';
    process.env.LOCAL_CHANNEL_SEED = '20260310';
    const dataDir = newDataDir();
    const people = [makePerson(), makePerson(), makePerson(), makePerson()];
    const gov = { persons: people.map((p) => govRecord(p)) };
    const submittedMessages = await at(dataDir, '2026-03-10T09:00:00+08:00', gov, async (gw) => {
      for (const [i, p] of people.entries()) {
        if (i % 2 === 0) await gw.call('recordSubscription', { templates: { result: 'accept', reminder: 'accept' } }, `sch-r${i}`);
        await gw.call('submitUnemploymentRegistration', unemploymentForm(p), `sch-r${i}`);
      }
      return people.length * 2; // result + service lists each
    });
    // +0, then past each backoff step (1, 5, 30 min, 2 h, 8 h) — all before 22:00
    const times = ['09:00:30', '09:02:00', '09:08:00', '09:40:00', '11:45:00', '19:50:00'];
    let retried = 0;
    for (const t of times) {
      const report = await at(dataDir, `2026-03-10T${t}+08:00`, gov, runScheduler);
      retried += report.retried;
    }
    const log = readSentLog(dataDir);
    expect(retried).toBeGreaterThan(0);
    expect(doubles(log)).toEqual([]);
    // every message reached the person once, over one channel
    expect(new Set(log.map((l) => l.messageId)).size).toBe(submittedMessages);
    expect(log).toHaveLength(submittedMessages);
  });

  it('sends nothing twice when runScheduler runs twice at once, or again afterwards', async () => {
    const dataDir = newDataDir();
    const people = [makePerson(), makePerson(), makePerson()];
    const gov = { persons: people.map((p) => govRecord(p)) };
    await at(dataDir, '2026-03-10T10:00:00+08:00', gov, async (gw) => {
      for (const [i, p] of people.entries()) {
        await gw.call('recordSubscription', { templates: { result: 'accept' } }, `sch-c${i}`);
        await gw.call('submitUnemploymentRegistration', unemploymentForm(p), `sch-c${i}`);
      }
      const [a, b] = await Promise.all([runScheduler(gw), runScheduler(gw)]);
      expect(a.sent + b.sent).toBe(6);
      const again = await runScheduler(gw);
      expect(again.sent).toBe(0);
      const log = readSentLog(dataDir);
      expect(log).toHaveLength(6);
      expect(doubles(log)).toEqual([]);
    });
  });

  it('falls back to SMS when WeChat answers 43101 although a tap was counted, and zeroes the count', async () => {
    process.env.LOCAL_CHANNEL_NOT_SUBSCRIBED = 'sch-43101';
    const dataDir = newDataDir();
    const p = makePerson();
    await at(dataDir, '2026-03-10T10:00:00+08:00', { persons: [govRecord(p)] }, async (gw) => {
      await gw.call('recordSubscription', { templates: { result: 'accept' } }, 'sch-43101');
      await gw.call('applyCertificate', certificateForm(p), 'sch-43101');
      const report = await runScheduler(gw);
      expect(report).toMatchObject({ sent: 1, fallbacks: 1 });
      expect(readSentLog(dataDir)).toEqual([expect.objectContaining({ channel: 'sms', event: 'certificate.approved' })]);
    });
    const store = openSqliteStore({ dataDir });
    try {
      const sub = await store.get<{ remaining: number }>('subscriptions', 'sch-43101:result');
      expect(sub?.remaining).toBe(0);
    } finally {
      await store.close?.();
    }
  });
});

describe('quiet hours 22:00–08:00 Beijing (results wait too: the in-app list has them at once)', () => {
  it('holds a result written at 23:10 until 08:00, then sends it once', async () => {
    const dataDir = newDataDir();
    const p = makePerson();
    const gov = { persons: [govRecord(p)] };
    await at(dataDir, '2026-03-10T23:10:00+08:00', gov, async (gw) => {
      await gw.call('recordSubscription', { templates: { result: 'accept' } }, 'sch-q');
      await gw.call('applyCertificate', certificateForm(p), 'sch-q');
      const night = await runScheduler(gw);
      expect(night).toMatchObject({ sent: 0, deferredQuietHours: 1 });
      const msgs = await gw.call('listMyMessages', {}, 'sch-q');
      expect(msgs.json.data.messages).toHaveLength(1);
    });
    const early = await at(dataDir, '2026-03-11T07:59:00+08:00', gov, runScheduler);
    expect(early.sent).toBe(0);
    const morning = await at(dataDir, '2026-03-11T08:00:30+08:00', gov, runScheduler);
    expect(morning.sent).toBe(1);
    const log = readSentLog(dataDir);
    expect(log).toEqual([expect.objectContaining({ channel: 'subscribe', event: 'certificate.approved', at: expect.stringMatching(/^2026-03-11T08:00/) })]);
    // the push still says when the result was reached (办理时间), not when it was delivered
    expect(log[0].data!.time3.value).toBe('2026年3月10日 23:10');
  });
});

describe('after a 失业登记 is approved (人社厅发〔2020〕79号 一(三)(四), 大人社规发〔2025〕2号 三(三))', () => {
  it('sets a staff contact task due 5 working days later across the National Day holiday, and sends the region lists', async () => {
    const dataDir = newDataDir();
    const p = makePerson({ region: '210204' });
    await at(dataDir, '2026-09-29T10:00:00+08:00', { persons: [govRecord(p)] }, async (gw) => {
      const r = await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'sch-nd');
      expect(r.json.data.status).toBe('approved');
      // 09-30 (1), 10-01…10-07 holiday, 10-08 (2), 10-09 (3), 10-10 调休 Saturday (4), 10-12 Monday (5)
      expect(addWorkingDays('2026-09-29', 5).date).toBe('2026-10-12');
      const msgs = await gw.call('listMyMessages', {}, 'sch-nd');
      const services = msgs.json.data.messages.find((m: { title: string }) => m.title.startsWith('就业服务清单'));
      expect(services.body).toContain('2026-10-12 前');
      expect(services.body).toContain('【政策清单】');
      expect(services.body).toContain('【服务清单】');
      expect(services.body).toContain('沙河口区公共就业服务中心');
      expect(services.body).not.toContain('甘井子区');
      const progress = await gw.call('getProgress', { applicationId: r.json.data.applicationId }, 'sch-nd');
      expect(progress.json.data.timeline.at(-1).status).toBe('services');
    });
    const store = openSqliteStore({ dataDir });
    try {
      const tasks = await store.find<TaskRecord>('tasks', { kind: 'contact' });
      expect(tasks).toHaveLength(1);
      expect(tasks[0]).toMatchObject({ status: 'open', dueDate: '2026-10-12', region: '210204' });
    } finally {
      await store.close?.();
    }
  });

  it('sends a monthly follow-up once a month while the registration is active', async () => {
    const dataDir = newDataDir();
    const p = makePerson();
    const gov = { persons: [govRecord(p)] };
    await at(dataDir, '2026-03-10T10:00:00+08:00', gov, async (gw) => {
      await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'sch-f');
      expect((await runScheduler(gw)).followUps).toBe(0);
    });
    expect((await at(dataDir, '2026-04-09T10:00:00+08:00', gov, runScheduler)).followUps).toBe(0);
    await at(dataDir, '2026-04-10T10:00:00+08:00', gov, async (gw) => {
      expect((await runScheduler(gw)).followUps).toBe(1);
      expect((await runScheduler(gw)).followUps).toBe(0);
      const msgs = await gw.call('listMyMessages', {}, 'sch-f');
      expect(msgs.json.data.messages.filter((m: { title: string }) => m.title === '每月就业状况确认')).toHaveLength(1);
      // issue 9 §5: what a citizen reads is plain Chinese — no notice citations, code names or English
      for (const m of msgs.json.data.messages as Array<{ title: string; body: string }>) {
        expect(`${m.title}${m.body}`).not.toMatch(/seed|[A-Za-z]{3,}/);
      }
    });
    expect((await at(dataDir, '2026-05-10T10:00:00+08:00', gov, runScheduler)).followUps).toBe(1);
    const log = readSentLog(dataDir).filter((l) => l.event === 'unemployment.followup');
    expect(log).toHaveLength(2);
    expect(doubles(log)).toEqual([]);
  });
});

describe('review deadlines (人社厅发〔2020〕79号 一(三): 3 working days)', () => {
  it('reminds the region\'s reviewer once when 1 working day is left, and escalates to its admin once when overdue', async () => {
    const dataDir = newDataDir();
    const p = makePerson({ region: '210202' });
    const gov = { persons: [govRecord(p, { unitInsurance: { unit: '某机械厂', since: '2020-01-01' } })], staff };
    // Tue 2026-03-10 → due Fri 2026-03-13
    await at(dataDir, '2026-03-10T10:00:00+08:00', gov, async (gw) => {
      const r = await gw.call('submitUnemploymentRegistration', unemploymentForm(p), 'sch-rv');
      expect(r.json.data.dueDate).toBe('2026-03-13');
      expect(await runScheduler(gw)).toMatchObject({ reminders: 0, escalations: 0 });
    });
    await at(dataDir, '2026-03-12T10:00:00+08:00', gov, async (gw) => {
      const first = await runScheduler(gw);
      expect(first).toMatchObject({ reminders: 1, escalations: 0 });
      // staff have no phone and no consent here: in the app only, recorded
      expect(first.inAppOnly).toBeGreaterThanOrEqual(1);
      expect(await runScheduler(gw)).toMatchObject({ reminders: 0, escalations: 0 });
      const inbox = await gw.call('listMyMessages', {}, 'sch-reviewer');
      expect(inbox.json.data.messages).toEqual([expect.objectContaining({ title: '待审核申请即将到期：失业登记' })]);
      expect(inbox.json.data.messages[0].body).not.toContain(p.idNumber);
      expect(inbox.json.data.messages[0].body).not.toContain(p.name);
    });
    await at(dataDir, '2026-03-16T09:00:00+08:00', gov, async (gw) => {
      expect(await runScheduler(gw)).toMatchObject({ reminders: 0, escalations: 1 });
      expect(await runScheduler(gw)).toMatchObject({ reminders: 0, escalations: 0 });
      const inbox = await gw.call('listMyMessages', {}, 'sch-admin');
      expect(inbox.json.data.messages).toEqual([expect.objectContaining({ title: '待审核申请已超期：失业登记' })]);
      const reviewer = await gw.call('listMyMessages', {}, 'sch-reviewer');
      expect(reviewer.json.data.messages).toHaveLength(1);
    });
    // nothing was pushed to staff: no consent, no phone
    expect(readSentLog(dataDir).filter((l) => l.event.startsWith('review.'))).toEqual([]);
  });
});

describe('the escalation names the kind\'s own deadline (issue 12 §11)', () => {
  it('a 灵活就业登记 overdue is escalated with 5 working days (大人社规发〔2025〕2号 二(二)), not 3', async () => {
    const dataDir = newDataDir();
    const p = makePerson({ region: '210202' });
    const gov = { persons: [govRecord(p, { unitInsurance: { unit: '某机械厂', since: '2020-01-01' } })], staff };
    // Tue 2026-03-10 → due Tue 2026-03-17
    await at(dataDir, '2026-03-10T10:00:00+08:00', gov, async (gw) => {
      const r = await gw.call('submitFlexibleEmployment', {
        requestId: requestId(), ...p,
        employmentForm: '新就业形态（平台）', platform: '某外卖平台', occupation: '外卖配送', startDate: '2026-02-01', workRegion: p.residenceAddress.regionCode,
        commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version },
      }, 'sch-flex');
      expect(r.json.data.dueDate).toBe('2026-03-17');
    });
    await at(dataDir, '2026-03-18T09:00:00+08:00', gov, async (gw) => {
      expect((await runScheduler(gw)).escalations).toBe(1);
      const inbox = await gw.call('listMyMessages', {}, 'sch-admin');
      const body = inbox.json.data.messages.find((m: { title: string }) => m.title === '待审核申请已超期：灵活就业登记').body;
      expect(body).toContain('大人社规发〔2025〕2号 二(二)：5个工作日内办结');
      expect(body).not.toContain('3个工作日');
    });
  });
});
