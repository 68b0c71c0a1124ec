/**
 * The CloudBase composition root shared by the three functions: the same handlers as the local
 * gateway, on the production store, with identity from the CloudBase context
 * (`getWXContext().OPENID`), never from the event body (docs/api.md).
 *
 * Each function ships only itself: its entry (cloudfunctions/functions/<fn>/index.ts) passes its
 * own registry and a `compose` that builds only the adapters its handlers use — citizen: WeChat
 * 人脸核身 (实人核验), FaceID (identity), the provincial data exchange and the QR keys; staff: the QR keys;
 * scheduler: subscribe messages and SMS. This module imports none of those, so esbuild leaves
 * out of a bundle whatever its entry does not import, and a cold start builds nothing unused.
 *
 * Store (docs/store.md): `STORE=mysql` (the default) — CloudBase MySQL over the VPC, MYSQL_URL or
 * MYSQL_HOST/PORT/USER/PASSWORD/DATABASE from the function's environment (secrets), schema
 * checked, not migrated, at the first call (`npm run migrate:mysql` runs at deploy);
 * `STORE=cloudbase` — the CloudBase document database (wx-server-sdk).
 * Other configuration (README "Deploy"): PERSON_KEY_SECRET (hex, 32 bytes — keyed hash of ID
 * numbers for document ids), DATA_KEYS (ID numbers and phones sealed at rest, docs/identity.md),
 * and what each function's adapters read (functions/<fn>/index.ts).
 */
import { randomUUID } from 'node:crypto';
// wx-server-sdk is installed by the platform (it is left out of the bundle: see scripts/build-functions.mjs).
import cloud from 'wx-server-sdk';
import type { FunctionName } from '@shared/api';
import { ACTIONS, fail, isActionName } from '@shared/api';
import { longTermTemplatesFromEnv } from '@shared/notify';
import type { Caller, ChannelsPort, ClockPort, Deps, GovDataPort, InsuranceClaimPort, RealPersonPort } from '../core/deps';
import { makeDispatch, STORE_BUSY_MESSAGE } from '../core/dispatch.core';
import type { HandlerMap } from '../core/handlers/handler';
import type { IdCardOcrPort } from '../core/id-card-ocr';
import { logLine } from '../core/log';
import { hmacPersonKey } from '../core/person-key';
import type { TokenKeys } from '../core/qr/token.port';
import { dataKeysFromJson, sealedStore } from '../core/sealed-store';
import type { StorePort } from '../core/store.port';
import { staffFromStore } from './staff.store';
import { cloudbaseStore, type CloudbaseDatabase } from './store.cloudbase';
import { mysqlOptionsFromEnv, openMysqlStore } from './store.mysql';

export function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`missing configuration ${name}`);
  return v;
}

export interface CloudEvent {
  action?: string;
  input?: unknown;
  /** set by a timer trigger */
  Type?: string;
  TriggerName?: string;
}

/** What every function has; `compose` builds the rest from it. */
export interface Platform {
  cloud: typeof cloud;
  store: StorePort;
  clock: ClockPort;
  personKey(idNumber: string): string;
}

/** The adapters one function's handlers use; a port it does not use is left out. */
export interface FunctionParts {
  gov?: GovDataPort;
  realPerson?: RealPersonPort;
  qrKeys?: TokenKeys;
  channels?: ChannelsPort;
  insuranceClaims?: InsuranceClaimPort;
  idCardOcr?: IdCardOcrPort;
}

// Deps requires gov and realPerson; a function whose handlers never call them gets these, which
// say so instead of reaching a provider (test/unit/registries.test.ts keeps handlers in their function).
const NOT_HERE = '该项查询不在本云函数中';
const noGov: GovDataPort = {
  identity: async () => ({ available: false, reason: NOT_HERE }),
  pension: async () => ({ available: false, reason: NOT_HERE }),
  socialInsurance: async () => ({ available: false, reason: NOT_HERE }),
  contractFiling: async () => ({ available: false, reason: NOT_HERE }),
  businessRegistration: async () => ({ available: false, reason: NOT_HERE }),
  certificate: async () => ({ available: false, reason: NOT_HERE }),
};
const noRealPerson: RealPersonPort = {
  start: async () => { throw new Error('实人核验不在本云函数中'); },
  confirm: async () => { throw new Error('实人核验不在本云函数中'); },
  check: async () => ({ passed: false, detail: '实人核验不在本云函数中' }),
};

/** The production store of `STORE` (default mysql), opened once per warm instance. */
export async function productionStore(c: typeof cloud, e: NodeJS.ProcessEnv = process.env): Promise<StorePort> {
  const kind = (e.STORE ?? 'mysql').toLowerCase();
  if (kind === 'cloudbase') {
    // throwOnNotFound:false — a missing doc reads as { data: null } (documented option; not in the SDK's typings)
    const database = c.database as unknown as (this: typeof cloud, cfg: object) => unknown;
    return cloudbaseStore(database.call(c, { throwOnNotFound: false }) as CloudbaseDatabase);
  }
  if (kind !== 'mysql') throw new Error(`STORE must be mysql or cloudbase, not ${kind}`);
  // connectionLimit 2: one per warm instance for the transaction, one for reads beside it (store.mysql.ts)
  return openMysqlStore({ ...mysqlOptionsFromEnv(e), migrations: 'verify' });
}

interface Runtime { platform: Platform; parts: FunctionParts; staff: ReturnType<typeof staffFromStore> }

export function cloudbaseMain(fn: FunctionName, handlers: HandlerMap, compose: (p: Platform) => FunctionParts = () => ({})) {
  const dispatch = makeDispatch(handlers);
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  const clock = { now: () => Date.now() };
  const log = (e: string, fields: Record<string, unknown>) => console.log(logLine(e, fields));

  // Built at the first call and kept while the instance is warm; a failure (database not reachable
  // yet) is not kept, so the next call tries again.
  let ready: Promise<Runtime> | null = null;
  const init = async (): Promise<Runtime> => {
    const personKey = hmacPersonKey(Buffer.from(env('PERSON_KEY_SECRET'), 'hex'));
    // ID numbers and phones sealed at rest with DATA_KEYS (core/sealed-store.ts), whichever store runs
    const store = sealedStore(await productionStore(cloud), dataKeysFromJson(env('DATA_KEYS')));
    const platform: Platform = { cloud, store, clock, personKey };
    return { platform, parts: compose(platform), staff: staffFromStore(store) };
  };

  return async function main(event: CloudEvent) {
    const timer = event.Type === 'Timer';
    const action = timer ? 'runScheduler' : String(event.action ?? '');
    if (!isActionName(action) || ACTIONS[action].fn !== fn) return fail('NOT_FOUND', '没有这项业务，请返回首页重新选择');
    let rt: Runtime;
    try {
      rt = await (ready ??= init());
    } catch (err) {
      ready = null;
      log('runtime.unavailable', { fn, error: err instanceof Error ? err.message : String(err) });
      return fail('UNAVAILABLE', STORE_BUSY_MESSAGE);
    }
    const { OPENID, CLIENTIP } = cloud.getWXContext();
    let caller: Caller;
    try {
      caller = { openid: OPENID || null, staff: OPENID ? await rt.staff.byOpenid(OPENID) : null, address: CLIENTIP || null };
    } catch (err) {
      log('store.unavailable', { action, error: err instanceof Error ? err.message : String(err) });
      return fail('UNAVAILABLE', STORE_BUSY_MESSAGE);
    }
    const { store, personKey } = rt.platform;
    const deps: Deps = {
      store, clock, caller, personKey,
      gov: rt.parts.gov ?? noGov,
      realPerson: rt.parts.realPerson ?? noRealPerson,
      qrKeys: rt.parts.qrKeys,
      channels: rt.parts.channels,
      insuranceClaims: rt.parts.insuranceClaims,
      idCardOcr: rt.parts.idCardOcr,
      longTermTemplates: longTermTemplatesFromEnv(process.env.LONG_TERM_TEMPLATES),
      staffDirectory: rt.staff,
      newId: () => randomUUID().replace(/-/g, ''),
      log,
    };
    // runScheduler is "local only" over HTTP; in the cloud only the timer trigger may run it.
    const out = await dispatch(action, timer ? {} : event.input, deps, { local: timer });
    return out.body;
  };
}
