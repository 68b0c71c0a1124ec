/**
 * The local composition root: the same handlers as CloudBase, on SQLite under DATA_DIR (or the
 * MySQL store main.ts opens for `STORE=mysql`), the outside-data file, a simulated 实人核验 (which
 * fails for people the file marks) and a clock that starts at NOW and runs on
 * (docs/api.md "Process").
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { faultsFromEnv, localChannels, type ChannelFaults } from '../adapters/channels.local';
import { govDataFromFile } from '../adapters/govdata.file';
import { localIdCardOcr } from '../adapters/idCardOcr.local';
import { fileInsuranceClaims } from '../adapters/insurance.file';
import { longTermTemplatesFromEnv, type TemplateKey } from '@shared/notify';
import { keysFromEnv } from '../adapters/keys.env';
import { fileKeys } from '../adapters/keys.file';
import { simulatedRealPerson } from '../adapters/realPerson.simulated';
import { openSqliteStore } from '../adapters/store.sqlite';
import { validStaffRecord } from '../core/access';
import type { Caller, ClockPort, Deps } from '../core/deps';
import { logLine } from '../core/log';
import { hmacPersonKey } from '../core/person-key';
import { algFromConfig } from '../core/qr/algorithms';
import type { TokenKeys } from '../core/qr/token.port';
import { dataKeysFromJson, sealedStore, type DataKeys } from '../core/sealed-store';
import type { StorePort } from '../core/store.port';

export interface LocalConfig {
  dataDir: string;
  govDataFile: string;
  /** ISO-8601; the clock starts there and runs on */
  now?: string;
  /** QR signature algorithm; default from env `QR_ALG` ("SM2" for 国密, else EdDSA) */
  qrAlg?: 'EdDSA' | 'SM2';
  /** simulated provider faults of the local channels (tests); default from env LOCAL_CHANNEL_* */
  channelFaults?: ChannelFaults;
  log?: (line: string) => void;
  /** the store to run on (`STORE=mysql`: main.ts opens store.mysql.ts); default SQLite under dataDir */
  store?: StorePort;
  /** 长期订阅 templates (tests); default from env LONG_TERM_TEMPLATES */
  longTermTemplates?: TemplateKey[];
}

export function runningClock(startIso?: string): ClockPort {
  if (!startIso) return { now: () => Date.now() };
  const start = Date.parse(startIso);
  if (Number.isNaN(start)) throw new Error(`NOW is not an ISO-8601 time: ${startIso}`);
  const t0 = Date.now();
  return { now: () => start + (Date.now() - t0) };
}

/** A secret kept in DATA_DIR so person keys survive restarts (production: an environment secret). */
export function loadSecret(dataDir: string, name: string): Buffer {
  const file = join(dataDir, `${name}.secret`);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

/**
 * The local data keys: `DATA_KEYS` if set (as in production), else one key kept in
 * DATA_DIR/data-key.secret (0600).
 */
export function localDataKeys(dataDir: string): DataKeys {
  if (process.env.DATA_KEYS) return dataKeysFromJson(process.env.DATA_KEYS);
  return { current: 'local', keys: { local: loadSecret(dataDir, 'data-key') } };
}

/**
 * What DATA_DIR holds besides the database (docs/identity.md "Storage"): the secrets (`*.secret`: the
 * person-key hash secret, the data key), the outbox sent log (phones, openids), the 失业保险金 claims
 * handed over, and `keys/` with the QR signing keys. Each is created owner-only, but a DATA_DIR of an
 * older version holds them 0644 / 0755: at start every one of them is narrowed — files 0600, folders
 * 0700 — before anything is read or written. Symbolic links are left alone (chmod would follow them).
 */
export const OWNER_ONLY_FILES = [/\.secret$/, /^outbox-sent\.log$/, /^insurance-claims\.jsonl$/];
export const OWNER_ONLY_FOLDERS = ['keys'];

export function narrowDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const narrow = (path: string, mode: number) => {
    const st = lstatSync(path);
    if (st.isSymbolicLink() || (st.mode & 0o777) === mode) return;
    chmodSync(path, mode);
  };
  narrow(dataDir, 0o700);
  for (const name of readdirSync(dataDir)) {
    const path = join(dataDir, name);
    const st = lstatSync(path);
    if (st.isFile() && OWNER_ONLY_FILES.some((re) => re.test(name))) narrow(path, 0o600);
    else if (st.isDirectory() && OWNER_ONLY_FOLDERS.includes(name)) {
      narrow(path, 0o700);
      for (const inner of readdirSync(path)) {
        const f = join(path, inner);
        const s = lstatSync(f);
        if (s.isFile()) narrow(f, 0o600);
        else if (s.isDirectory()) narrow(f, 0o700);
      }
    }
  }
}

/** The local store as handlers see it: SQLite under DATA_DIR (0700, files 0600), ID numbers and phones sealed. */
export function openLocalStore(dataDir: string): StorePort {
  narrowDataDir(dataDir);
  return sealedStore(openSqliteStore({ dataDir }), localDataKeys(dataDir));
}

export interface LocalRuntime {
  store: StorePort;
  clock: ClockPort;
  gov: ReturnType<typeof govDataFromFile>;
  /** QR signing keys: `QR_SIGNING_KEYS` if set (as in production), else JWK files in DATA_DIR/keys */
  qrKeys: TokenKeys;
  depsFor(caller: Caller): Deps;
  callerFor(openid: string | null): Promise<Caller>;
  close(): Promise<void>;
}

export function localRuntime(cfg: LocalConfig): LocalRuntime {
  // whichever store runs (SQLite, MySQL), ID numbers and phones are sealed before it sees them;
  // an older DATA_DIR's secrets, sent log and keys are narrowed to the owner first
  narrowDataDir(cfg.dataDir);
  const store = cfg.store ? sealedStore(cfg.store, localDataKeys(cfg.dataDir)) : openLocalStore(cfg.dataDir);
  const clock = runningClock(cfg.now);
  const gov = govDataFromFile(cfg.govDataFile);
  const personKey = hmacPersonKey(loadSecret(cfg.dataDir, 'person-key'));
  // a simulation, not a pass-all: the outside-data file says whose face checks fail (docs/identity.md)
  const realPerson = simulatedRealPerson({ store, now: clock.now, personKey, faceOutcome: gov.faceOutcome });
  // subscribe messages and SMS are appended to DATA_DIR/outbox-sent.log (adapters/channels.local.ts)
  const channels = localChannels({ dataDir: cfg.dataDir, clock, faults: cfg.channelFaults ?? faultsFromEnv() });
  // 长期订阅 templates of this deployment (docs/api.md): none unless configured
  const longTermTemplates = cfg.longTermTemplates ?? longTermTemplatesFromEnv(process.env.LONG_TERM_TEMPLATES);
  // 失业保险金 claims are appended to DATA_DIR/insurance-claims.jsonl (adapters/insurance.file.ts)
  const insuranceClaims = fileInsuranceClaims({ dataDir: cfg.dataDir, isDown: () => gov.isDown('insuranceClaims'), now: clock.now });
  // ID-card OCR: photos the outside-data file registers by fingerprint (adapters/idCardOcr.local.ts)
  const idCardOcr = localIdCardOcr(gov.idCardImage);
  const qrKeys = keysFromEnv(process.env) ?? fileKeys({ dir: join(cfg.dataDir, 'keys'), alg: cfg.qrAlg ?? algFromConfig(process.env.QR_ALG) });
  const write = cfg.log ?? ((line: string) => process.stdout.write(line + '\n'));
  return {
    store,
    clock,
    gov,
    qrKeys,
    depsFor(caller) {
      return {
        store, clock, caller, gov: gov.gov, realPerson, personKey, qrKeys, channels, staffDirectory: gov.staff, insuranceClaims, longTermTemplates, idCardOcr,
        newId: () => randomUUID().replace(/-/g, ''),
        log: (event, fields) => write(logLine(event, fields, clock.now())),
      };
    },
    async callerFor(openid) {
      if (!openid) return { openid: null, staff: null };
      // checked again here: whatever the directory answers, a malformed record is not staff
      return { openid, staff: validStaffRecord(await gov.staff.byOpenid(openid)) };
    },
    async close() {
      await store.close?.();
    },
  };
}
