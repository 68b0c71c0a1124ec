/**
 * The outbox on its own (core/outbox.ts, core/messages.ts) on a real SQLite store with a clock the
 * test moves: enqueue in the event's transaction, deterministic ids, consent bookkeeping, retries
 * with backoff under a provider failing at random, concurrent runs; plus the template limits of
 * shared/notify.ts and the error mapping of the production adapters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localChannels, readSentLog, seededRandom } from '../../cloudfunctions/adapters/channels.local';
import { mapSendStatus, tencentSmsChannel, type SendSmsClient } from '../../cloudfunctions/adapters/sms.tencent';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import { cloudbaseSubscribe, mapErrCode, type OpenapiLike } from '../../cloudfunctions/adapters/subscribe.cloudbase';
import type { ChannelsPort, Deps } from '../../cloudfunctions/core/deps';
import { writeMessageInTx } from '../../cloudfunctions/core/messages';
import { BACKOFF_MS, MAX_ATTEMPTS, deliverDue, emptyDeliveryCounts, type OutboxEntry } from '../../cloudfunctions/core/outbox';
import type { StorePort } from '../../cloudfunctions/core/store.port';
import { FIELD_LIMITS, isQuietHour, quietHoursEnd, smsParams, subscribeData } from '@shared/notify';

const T0 = Date.parse('2026-03-10T10:00:00+08:00');

interface Rig { deps: Deps; store: StorePort; dataDir: string; clock: { t: number }; close(): Promise<void> }

function rig(channels?: (dataDir: string, clock: { now(): number }) => ChannelsPort): Rig {
  const dataDir = mkdtempSync(join(tmpdir(), 'jy-outbox-'));
  const store = openSqliteStore({ dataDir });
  const clock = { t: T0 };
  const clockPort = { now: () => clock.t };
  let n = 0;
  const deps = {
    store, clock: clockPort, caller: { openid: null, staff: null },
    gov: {} as Deps['gov'], realPerson: {} as Deps['realPerson'],
    personKey: (id: string) => `pk-${id}`, newId: () => `id${++n}`,
    channels: (channels ?? ((d, c) => localChannels({ dataDir: d, clock: c })))(dataDir, clockPort),
  } satisfies Deps;
  return { deps, store, dataDir, clock, async close() { await store.close?.(); rmSync(dataDir, { recursive: true, force: true }); } };
}

/** An application (for the phone) and its result message, written together as submit.ts does. */
async function event(r: Rig, i: number, o: { phone?: string | null } = {}): Promise<string> {
  const messageId = `m${i}`;
  await r.store.transaction(async (tx) => {
    const phone = o.phone === undefined ? '13800001111' : o.phone;
    await tx.put('applications', `a${i}`, { applicationId: `a${i}`, personKey: `pk${i}`, person: { name: '周海涛', ...(phone ? { phone } : {}) } });
    await writeMessageInTx(tx, { messageId, openid: `o${i}`, personKey: `pk${i}`, event: 'certificate.approved', title: '电子《就业创业证》已签发', body: '…', at: r.clock.t, applicationId: `a${i}` });
  });
  return messageId;
}

async function grant(r: Rig, openid: string, template: 'result' | 'reminder', remaining = 1) {
  await r.store.put('subscriptions', `${openid}:${template}`, { openid, template, remaining, granted: remaining, used: 0, lastAnswer: 'accept', updatedAt: r.clock.t });
}

describe('enqueue: in the event\'s transaction, once', () => {
  let r: Rig;
  beforeEach(() => { r = rig(); });
  afterEach(() => r.close());

  it('writes the message and its outbox entry together, and nothing when the event rolls back', async () => {
    await event(r, 1);
    expect(await r.store.get<OutboxEntry>('outbox', 'm1:subscribe')).toMatchObject({ status: 'pending', nextAttemptAt: T0, content: { template: 'result', outcome: '已通过' } });
    await expect(r.store.transaction(async (tx) => {
      await writeMessageInTx(tx, { messageId: 'm2', openid: 'o2', personKey: null, event: 'registration.updated', title: 't', body: 'b', at: T0 });
      throw new Error('the event failed');
    })).rejects.toThrow('the event failed');
    expect(await r.store.get('messages', 'm2')).toBeNull();
    expect(await r.store.get('outbox', 'm2:subscribe')).toBeNull();
  });

  it('does not enqueue twice for the same message id (a retried event)', async () => {
    const m = { messageId: 'followup:a1:2026-04-10', openid: 'o1', personKey: 'pk1', event: 'unemployment.followup' as const, title: '每月就业状况确认', body: '…', at: T0 };
    expect(await r.store.transaction((tx) => writeMessageInTx(tx, m))).toBe(true);
    expect(await r.store.transaction((tx) => writeMessageInTx(tx, { ...m, at: T0 + 1000 }))).toBe(false);
    expect(await r.store.count('messages', {})).toBe(1);
    expect(await r.store.count('outbox', {})).toBe(1);
  });
});

describe('consent: one tap, one subscribe message (docs/toolchain.md)', () => {
  let r: Rig;
  beforeEach(() => { r = rig(); });
  afterEach(() => r.close());

  it('uses a consent once, then falls back to SMS; without a phone the in-app list alone, recorded', async () => {
    await grant(r, 'o1', 'result');
    await event(r, 1);
    await r.store.put('applications', 'a1b', { applicationId: 'a1b', personKey: 'pk1', person: { phone: '13800001111' } });
    await r.store.transaction((tx) => writeMessageInTx(tx, { messageId: 'm1b', openid: 'o1', personKey: 'pk1', event: 'unemployment.approved', title: '失业登记已办结', body: '…', at: T0, applicationId: 'a1b' }));
    await event(r, 2, { phone: null });
    const counts = emptyDeliveryCounts();
    await deliverDue(r.deps, counts);
    const log = readSentLog(r.dataDir);
    expect(log.map((l) => `${l.messageId}:${l.channel}`).sort()).toEqual(['m1:subscribe', 'm1b:sms']);
    expect(counts).toMatchObject({ sent: 2, fallbacks: 1, inAppOnly: 1 });
    expect(await r.store.get('subscriptions', 'o1:result')).toMatchObject({ remaining: 0, used: 1 });
    expect(await r.store.get<OutboxEntry>('outbox', 'm2:subscribe')).toMatchObject({ status: 'skipped', finalNote: 'inapp_only' });
    expect(await r.store.get('messages', 'm2')).not.toBeNull();
  });

  it('gives the consent back when a send fails transiently (WeChat did not use it)', async () => {
    let fail = true;
    const r2 = rig((d, c) => {
      const real = localChannels({ dataDir: d, clock: c });
      return { sms: real.sms, subscribe: { send: async (m) => (fail ? { ok: false, reason: 'unavailable', retryable: true, code: '-1' } : real.subscribe.send(m)) } };
    });
    try {
      await grant(r2, 'o1', 'result');
      await event(r2, 1);
      await deliverDue(r2.deps, emptyDeliveryCounts());
      expect(await r2.store.get('subscriptions', 'o1:result')).toMatchObject({ remaining: 1 });
      expect(await r2.store.get<OutboxEntry>('outbox', 'm1:subscribe')).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: T0 + BACKOFF_MS[0] });
      fail = false;
      r2.clock.t += BACKOFF_MS[0];
      const counts = emptyDeliveryCounts();
      await deliverDue(r2.deps, counts);
      expect(counts.sent).toBe(1);
      expect(await r2.store.get('subscriptions', 'o1:result')).toMatchObject({ remaining: 0 });
    } finally {
      await r2.close();
    }
  });
});

describe('a provider failing at random: every message exactly once, after retries', () => {
  it('delivers 60 messages once each over a 40 % failure rate, two runs racing each time', async () => {
    const r = rig((d, c) => localChannels({ dataDir: d, clock: c, faults: { failureRate: 0.4, seed: 7 } }));
    try {
      for (let i = 0; i < 60; i++) {
        if (i % 3 === 0) await grant(r, `o${i}`, 'result');
        await event(r, i);
      }
      let retried = 0;
      // walk the clock through every backoff step; two concurrent runs at each
      for (let step = 0; step <= BACKOFF_MS.length + 1; step++) {
        const a = emptyDeliveryCounts();
        const b = emptyDeliveryCounts();
        await Promise.all([deliverDue(r.deps, a), deliverDue(r.deps, b)]);
        retried += a.retried + b.retried;
        r.clock.t += BACKOFF_MS[Math.min(step, BACKOFF_MS.length - 1)] + 1000;
      }
      const log = readSentLog(r.dataDir);
      const keys = log.map((l) => `${l.messageId}:${l.channel}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect(retried).toBeGreaterThan(10);
      // a message whose subscribe send finally failed went by SMS: still one push per message
      const perMessage = new Map<string, number>();
      for (const l of log) perMessage.set(l.messageId, (perMessage.get(l.messageId) ?? 0) + 1);
      expect([...perMessage.values()].every((n) => n === 1)).toBe(true);
      const entries = await r.store.find<OutboxEntry>('outbox', {});
      expect(entries.filter((e) => e.status === 'pending' || e.status === 'sending')).toEqual([]);
      for (const e of entries) expect(e.attempts).toBeLessThanOrEqual(MAX_ATTEMPTS);
      expect(perMessage.size).toBe(60);
    } finally {
      await r.close();
    }
  });

  it('the seeded generator replays the same draws', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });
});

describe('quiet hours and template limits (shared/notify.ts)', () => {
  it('holds 22:00–08:00 Beijing and releases at 08:00', () => {
    expect(isQuietHour(Date.parse('2026-03-10T21:59:59+08:00'))).toBe(false);
    expect(isQuietHour(Date.parse('2026-03-10T22:00:00+08:00'))).toBe(true);
    expect(isQuietHour(Date.parse('2026-03-11T07:59:59+08:00'))).toBe(true);
    expect(quietHoursEnd(Date.parse('2026-03-10T23:30:00+08:00'))).toBe(Date.parse('2026-03-11T08:00:00+08:00'));
    expect(quietHoursEnd(Date.parse('2026-03-11T03:00:00+08:00'))).toBe(Date.parse('2026-03-11T08:00:00+08:00'));
    expect(quietHoursEnd(Date.parse('2026-03-11T12:00:00+08:00'))).toBe(Date.parse('2026-03-11T12:00:00+08:00'));
  });

  it('fits every value to its keyword: thing ≤ 20, phrase ≤ 5 Chinese, character_string ≤ 32, time and date formats', () => {
    const data = subscribeData({ template: 'result', subject: '失业登记'.repeat(8), outcome: 'approved!', note: '很长的提示'.repeat(10), reference: 'x'.repeat(40) + '中文' }, Date.parse('2026-03-10T09:05:00+08:00'));
    expect(Array.from(data.thing1.value).length).toBeLessThanOrEqual(FIELD_LIMITS.thing);
    expect(Array.from(data.thing5.value).length).toBeLessThanOrEqual(FIELD_LIMITS.thing);
    expect(data.phrase2.value).toMatch(/^[\u4e00-\u9fff]{1,5}$/);
    expect(data.character_string4.value).toMatch(/^[0-9A-Za-z_\-:.]{1,32}$/);
    expect(data.time3.value).toBe('2026年3月10日 09:05');
    const reminder = subscribeData({ template: 'reminder', subject: '每月就业状况确认', outcome: '有更新', date: '2026-10-12', note: '请确认' }, T0);
    expect(reminder.date2.value).toBe('2026年10月12日');
    expect(smsParams({ template: 'result', subject: '《就业创业证》申领加上很长的后缀', outcome: '已通过', note: '' }, T0).every((p) => Array.from(p).length <= 12)).toBe(true);
  });
});

describe('production adapters: error mapping (no network)', () => {
  it('maps WeChat errCode 43101 to no consent (not retried), -1 to a retry', async () => {
    expect(mapErrCode(43101)).toMatchObject({ ok: false, reason: 'no_consent', retryable: false });
    expect(mapErrCode(-1)).toMatchObject({ ok: false, retryable: true });
    const sent: unknown[] = [];
    const cloud: OpenapiLike = { openapi: { subscribeMessage: { send: async (o) => { sent.push(o); if (o.touser === 'nope') throw { errCode: 43101, errMsg: 'user refuse to accept the msg' }; return { errCode: 0 }; } } } };
    const ch = cloudbaseSubscribe(cloud, { templateIds: { result: 'TMPL-R', reminder: 'TMPL-M' } });
    const meta = { entryId: 'e', messageId: 'm', event: 'x' };
    expect(await ch.send({ openid: 'ok', template: 'result', page: 'pages/index/index', data: {}, meta })).toEqual({ ok: true });
    expect(await ch.send({ openid: 'nope', template: 'result', page: 'pages/index/index', data: {}, meta })).toMatchObject({ reason: 'no_consent' });
    expect(sent[0]).toMatchObject({ touser: 'ok', templateId: 'TMPL-R', miniprogramState: 'formal' });
  });

  it('sends SMS to +86 with the template parameters and reads SendStatusSet[0].Code', async () => {
    const calls: Parameters<SendSmsClient['SendSms']>[0][] = [];
    const client: SendSmsClient = { SendSms: async (req) => { calls.push(req); return { SendStatusSet: [{ Code: req.TemplateParamSet?.[0] === 'limit' ? 'LimitExceeded.PhoneNumberDailyLimit' : 'Ok', SerialNo: 's1' }] }; } };
    const ch = tencentSmsChannel({ secretId: 'i', secretKey: 'k', sdkAppId: '1400000000', signName: '就业服务', templateIds: { result: '100', reminder: '200' } }, client);
    const meta = { entryId: 'e', messageId: 'm', event: 'x' };
    expect(await ch.send({ phone: '13800001111', template: 'result', params: ['失业登记', '已通过'], meta })).toEqual({ ok: true, providerId: 's1' });
    expect(calls[0]).toMatchObject({ PhoneNumberSet: ['+8613800001111'], SmsSdkAppId: '1400000000', SignName: '就业服务', TemplateId: '100', TemplateParamSet: ['失业登记', '已通过'] });
    expect(await ch.send({ phone: '13800001111', template: 'result', params: ['limit'], meta })).toMatchObject({ ok: false, retryable: true });
    expect(mapSendStatus('InvalidParameterValue.IncorrectPhoneNumber')).toMatchObject({ reason: 'invalid_recipient', retryable: false });
    expect(await tencentSmsChannel(null).send({ phone: '13800001111', template: 'result', params: [], meta })).toMatchObject({ reason: 'not_configured' });
  });
});
