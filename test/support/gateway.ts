/** Starts the real local gateway on a free port with its own DATA_DIR and outside-data file. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startGateway } from '../../cloudfunctions/gateway/server';
import type { StorePort } from '../../cloudfunctions/core/store.port';
import { COMMITMENTS } from '@shared/commitment';
import type { TemplateKey } from '@shared/notify';
import type { ChannelFaults } from '../../cloudfunctions/adapters/channels.local';
import type { GovPerson } from './people';

export interface GovFileContent {
  persons?: GovPerson[];
  staff?: Array<{ openid: string; name: string; region: string; role: string }>;
  down?: string[];
  /** photos the local ID-card OCR knows, by SHA-256 (adapters/idCardOcr.local.ts) */
  idCardImages?: Array<{ sha256: string; front?: { name: string; idNumber: string; address: string; nation?: string }; failure?: string }>;
}

/** The 个人信息书面申报承诺 of a 申领, ticked on its current text. */
export const CERTIFICATE_COMMITMENT = { accepted: true, textVersion: COMMITMENTS.certificate.version } as const;

/** The citizen submissions: each needs a recent 实人核验 of the person it is for. */
export const SUBMISSIONS = new Set(['applyCertificate', 'submitUnemploymentRegistration', 'submitFlexibleEmployment']);

export interface TestGateway {
  url: string;
  dataDir: string;
  govFile: string;
  logs: string[];
  /**
   * A citizen submission runs the 实人核验 first for the person in the body (startRealPersonCheck +
   * confirmRealPersonCheck), as the client does before every submission (client/src/services/
   * submission.ts); `{ check: false }` sends it bare (the attack tests). An `applyCertificate` body
   * without a `commitment` gets the current 个人信息书面申报承诺 ticked, as the 申领 page sends it once
   * the person ticks it (大人社规发〔2025〕2号 一(三)); `{ commit: false }` sends the body as it is.
   */
  call<T = any>(action: string, body?: unknown, openid?: string | null, o?: { check?: boolean; commit?: boolean }): Promise<{ status: number; json: { ok: boolean; data?: T; error?: { code: string; message: string; fields?: Record<string, string> } } }>;
  writeGov(content: GovFileContent): void;
  /** `keep` leaves DATA_DIR on disk, to restart on it (e.g. with a later NOW) */
  close(keep?: boolean): Promise<void>;
}

export async function startTestGateway(o: { now?: string; gov?: GovFileContent; dataDir?: string; staticDir?: string; store?: StorePort; longTermTemplates?: TemplateKey[]; channelFaults?: ChannelFaults } = {}): Promise<TestGateway> {
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'jy-gw-'));
  const govFile = join(dataDir, 'gov-data.json');
  const writeGov = (content: GovFileContent) => writeFileSync(govFile, JSON.stringify({ persons: [], staff: [], down: [], ...content }));
  writeGov(o.gov ?? {});
  const logs: string[] = [];
  const g = await startGateway({
    port: 0, dataDir, govDataFile: govFile, now: o.now,
    staticDir: o.staticDir ?? process.env.STATIC_DIR ?? resolve(__dirname, '../../client/dist/h5'),
    log: (line) => logs.push(line),
    store: o.store,
    longTermTemplates: o.longTermTemplates,
    ...(o.channelFaults ? { channelFaults: o.channelFaults } : {}),
  });
  const url = `http://127.0.0.1:${g.port}`;
  const post = async (action: string, body: unknown, openid: string | null) => {
    const res = await fetch(`${url}/api/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };
  // one check per (openid, person) per gateway, shared by concurrent submissions
  const checked = new Map<string, Promise<void>>();
  const checkFor = (openid: string, body: unknown): Promise<void> => {
    const b = (body ?? {}) as { name?: unknown; idNumber?: unknown; idType?: unknown; onBehalfOf?: unknown };
    if (typeof b.name !== 'string' || typeof b.idNumber !== 'string' || (b.idType ?? '01') !== '01' || b.onBehalfOf) return Promise.resolve();
    const key = `${openid}|${b.idNumber}|${b.name}`;
    if (!checked.has(key)) {
      checked.set(key, (async () => {
        const started = await post('startRealPersonCheck', { name: b.name, idNumber: b.idNumber }, openid);
        if (started.json.ok) await post('confirmRealPersonCheck', { checkToken: started.json.data.checkToken }, openid);
        else checked.delete(key);
      })());
    }
    return checked.get(key)!;
  };
  return {
    url, dataDir, govFile, logs,
    writeGov(content) {
      writeGov(content);
    },
    async call(action, body = {}, openid = 'citizen-a', o = {}) {
      if (openid && o.check !== false && SUBMISSIONS.has(action) && typeof body === 'object') await checkFor(openid, body);
      if (action === 'applyCertificate' && o.commit !== false && body && typeof body === 'object' && !Array.isArray(body) && !('commitment' in body)) {
        body = { ...body, commitment: CERTIFICATE_COMMITMENT };
      }
      return post(action, body, openid);
    },
    async close(keep = false) {
      await g.close();
      if (!o.dataDir && !keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
