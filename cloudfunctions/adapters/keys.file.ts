/**
 * QR signing keys as JWK files under `DATA_DIR/keys/` (local mode; docs/api.md: "Keys persist in
 * DATA_DIR across restarts"). Production uses keys.env.ts (secret configuration from a KMS /
 * secret manager) instead: private keys do not belong on a function's disk.
 *
 *   keys/<kid>.jwk.json      a private JWK + { kid, alg, use, createdAt, notAfter }, mode 0600
 *   keys/<kid>.dropped.json  a dropped key: public members only, kept so its kid is never reused
 *                            and a disputed old token can still be examined by hand
 *
 * Created on first use. Rotation: a new key becomes current; the old one gets `notAfter = now`,
 * stays in the JWKS and keeps verifying until notAfter + ttl (+ skew), when the last token it
 * signed has expired; then its private file is replaced by the `.dropped` record.
 * One process writes a key directory (the local gateway); it keeps the ring in memory.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { ALGORITHMS } from '../core/qr/algorithms';
import { KeyRing, newKid, type KeyEntry } from '../core/qr/jws';
import { QR_TTL_SECONDS, type TokenAlg, type TokenKeys } from '../core/qr/token.port';

interface KeyFile extends Record<string, unknown> {
  kid: string;
  alg: string;
  use: 'sig';
  /** epoch ms */
  createdAt: number;
  notAfter: number | null;
}

interface FileEntry extends KeyEntry {
  createdAt: number;
}

function writePrivate(path: string, content: unknown, exclusive: boolean) {
  // Written to a temp file with 0600 and renamed: a reader never sees half a key, and the
  // private key is never, even briefly, readable by others.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  if (exclusive && existsSync(path)) {
    rmSync(tmp);
    throw new Error(`key file exists: ${path}`);
  }
  renameSync(tmp, path);
}

export function fileKeys(o: { dir: string; alg?: TokenAlg; ttlSeconds?: number }): TokenKeys {
  const alg: TokenAlg = o.alg ?? 'EdDSA';
  const ttlSeconds = o.ttlSeconds ?? QR_TTL_SECONDS;
  const ring = new KeyRing(ALGORITHMS, ttlSeconds);
  let entries: FileEntry[] | null = null;
  const droppedKids = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  /** one change at a time: two first calls must not create two keys */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = (): FileEntry[] => {
    if (entries) return entries;
    mkdirSync(o.dir, { recursive: true, mode: 0o700 });
    const list: FileEntry[] = [];
    for (const name of readdirSync(o.dir)) {
      if (name.endsWith('.dropped.json')) {
        droppedKids.add(name.slice(0, -'.dropped.json'.length));
        continue;
      }
      if (!name.endsWith('.jwk.json')) continue;
      const f = JSON.parse(readFileSync(join(o.dir, name), 'utf8')) as KeyFile & JWK;
      const { kid, alg: a, use: _u, createdAt, notAfter, ...jwk } = f;
      const algorithm = ring.algorithm(a);
      list.push({ kid, alg: a, privateJwk: jwk, publicJwk: algorithm.publicOf(jwk), notAfter: notAfter ?? null, createdAt });
    }
    // newest first: the first key that may sign is the current one
    list.sort((x, y) => y.createdAt - x.createdAt || (x.kid < y.kid ? -1 : 1));
    entries = list;
    return list;
  };

  const file = (kid: string) => join(o.dir, `${kid}.jwk.json`);

  const create = async (now: number): Promise<FileEntry> => {
    const list = load();
    const algorithm = ring.algorithm(alg);
    const jwk = await algorithm.generate();
    const kid = newKid((k) => droppedKids.has(k) || list.some((e) => e.kid === k) || existsSync(file(k)));
    const content: KeyFile & JWK = { ...jwk, kid, alg, use: 'sig', createdAt: now, notAfter: null };
    writePrivate(file(kid), content, true);
    const entry: FileEntry = { kid, alg, privateJwk: jwk, publicJwk: algorithm.publicOf(jwk), notAfter: null, createdAt: now };
    list.unshift(entry);
    return entry;
  };

  const retire = (e: FileEntry, now: number) => {
    e.notAfter = now;
    const { privateJwk } = e;
    writePrivate(file(e.kid), { ...privateJwk, kid: e.kid, alg: e.alg, use: 'sig', createdAt: e.createdAt, notAfter: now }, false);
  };

  /** Drop keys whose last token has expired: the private key is destroyed, the kid stays reserved. */
  const prune = (now: number) => {
    const list = load();
    for (const e of [...list]) {
      if (ring.verifies(e, now)) continue;
      writeFileSync(join(o.dir, `${e.kid}.dropped.json`), JSON.stringify({ ...e.publicJwk, kid: e.kid, alg: e.alg, createdAt: e.createdAt, notAfter: e.notAfter, droppedAt: now }, null, 2) + '\n', { mode: 0o600 });
      rmSync(file(e.kid), { force: true });
      droppedKids.add(e.kid);
      list.splice(list.indexOf(e), 1);
      ring.forget(e.kid);
    }
  };

  const rotateNow = async (now: number) => {
    prune(now);
    for (const e of load()) if (ring.signs(e, now)) retire(e, now);
    await create(now);
  };

  const currentEntry = async (now: number): Promise<FileEntry> => {
    prune(now);
    const signing = load().find((e) => ring.signs(e, now));
    if (signing && signing.alg === alg) return signing;
    // None yet (first use), or QR_ALG changed (e.g. a move to SM2): the configured algorithm
    // takes over at once, and codes signed with the old key keep verifying until they expire.
    if (signing) await rotateNow(now);
    else await create(now);
    return load()[0];
  };

  return {
    alg,
    ttlSeconds,
    current(now) {
      return serial(async () => ring.signer(await currentEntry(now)));
    },
    rotate(now) {
      return serial(() => rotateNow(now));
    },
    jwks(now) {
      // A verifier may fetch the JWKS before the first code is shown: publish the key it will need.
      return serial(async () => {
        await currentEntry(now);
        return ring.published(load(), now);
      });
    },
    async verify(token, now) {
      return ring.verify(load(), token, now);
    },
    async verifyJson(token, now) {
      return ring.verifyJson(load(), token, now);
    },
  };
}
