/**
 * Local delivery channels: what would be sent is appended as one JSON line per accepted send to
 * DATA_DIR/outbox-sent.log (phones masked, every value through core/log.ts `redact`), so a demo
 * shows what went out and tests can count sends per (message, channel) with `readSentLog`.
 *
 * Faults, for tests and demos of the retry path (LocalConfig.channelFaults or the environment
 * variables LOCAL_CHANNEL_FAILURE_RATE / LOCAL_CHANNEL_SEED / LOCAL_CHANNEL_NOT_SUBSCRIBED):
 * - `failureRate`: the provider refuses that share of sends, transiently, drawn from a seeded PRNG
 *   so a failing run can be replayed; a refused send writes nothing (the provider did not accept it);
 * - `notSubscribed`: openids for which WeChat answers 43101 (no consent), whatever our count says.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beijingIso } from '@shared/dates';
import { maskPhone } from '@shared/mask';
import type { ChannelsPort, ClockPort, SendOutcome } from '../core/deps';
import { redact } from '../core/log';

export const SENT_LOG = 'outbox-sent.log';

export interface ChannelFaults {
  /** 0..1: share of sends the provider refuses (transient) */
  failureRate?: number;
  seed?: number;
  notSubscribed?: string[];
}

export interface SentRecord {
  at: string;
  channel: 'subscribe' | 'sms';
  entryId: string;
  messageId: string;
  event: string;
  /** openid for subscribe messages, the masked phone for SMS */
  to: string;
  template: string;
  data?: Record<string, { value: string }>;
  params?: string[];
  providerId: string;
}

/** mulberry32: small, fast, good enough to draw failures reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function faultsFromEnv(env: NodeJS.ProcessEnv = process.env): ChannelFaults | undefined {
  const rate = env.LOCAL_CHANNEL_FAILURE_RATE ? Number(env.LOCAL_CHANNEL_FAILURE_RATE) : undefined;
  const notSubscribed = env.LOCAL_CHANNEL_NOT_SUBSCRIBED ? env.LOCAL_CHANNEL_NOT_SUBSCRIBED.split(',').map((s) => s.trim()).filter(Boolean) : undefined;
  if (rate === undefined && !notSubscribed) return undefined;
  return { failureRate: rate, seed: env.LOCAL_CHANNEL_SEED ? Number(env.LOCAL_CHANNEL_SEED) : undefined, notSubscribed };
}

export function localChannels(o: { dataDir: string; clock: ClockPort; faults?: ChannelFaults }): ChannelsPort {
  mkdirSync(o.dataDir, { recursive: true, mode: 0o700 });
  const file = join(o.dataDir, SENT_LOG);
  const rate = Math.min(1, Math.max(0, o.faults?.failureRate ?? 0));
  // the seed is mixed with the start minute: a gateway restarted later in a test draws anew, reproducibly
  const random = seededRandom((o.faults?.seed ?? 1) ^ Math.floor(o.clock.now() / 60_000));
  const notSubscribed = new Set(o.faults?.notSubscribed ?? []);
  let seq = 0;

  const accept = (r: Omit<SentRecord, 'at' | 'providerId'>): SendOutcome => {
    seq += 1;
    const providerId = `local-${o.clock.now().toString(36)}-${seq}`;
    const line: SentRecord = { at: beijingIso(o.clock.now()), ...r, providerId };
    // appendFileSync: one write call per line, so concurrent runs never interleave within a line
    appendFileSync(file, redact(JSON.stringify(line)) + '\n', { mode: 0o600 });
    return { ok: true, providerId };
  };
  const flaky = (): SendOutcome | null =>
    rate > 0 && random() < rate ? { ok: false, reason: 'unavailable', retryable: true, code: 'SIMULATED', detail: 'simulated provider failure' } : null;

  return {
    subscribe: {
      async send(m) {
        if (notSubscribed.has(m.openid)) return { ok: false, reason: 'no_consent', retryable: false, code: '43101', detail: 'user refuse to accept the msg' };
        return flaky() ?? accept({ channel: 'subscribe', entryId: m.meta.entryId, messageId: m.meta.messageId, event: m.meta.event, to: m.openid, template: m.template, data: m.data });
      },
    },
    sms: {
      async send(m) {
        return flaky() ?? accept({ channel: 'sms', entryId: m.meta.entryId, messageId: m.meta.messageId, event: m.meta.event, to: maskPhone(m.phone), template: m.template, params: m.params });
      },
    },
  };
}

/** Every send the local channels accepted, oldest first. */
export function readSentLog(dataDir: string): SentRecord[] {
  const file = join(dataDir, SENT_LOG);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as SentRecord);
}
