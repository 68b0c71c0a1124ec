/**
 * QR signing keys from secret configuration (production). Private keys never sit in the
 * repository or on a function's disk: they live in a secret manager — Tencent Cloud SSM
 * (凭据管理系统), or a KMS-protected secret — and reach the cloud function as the environment
 * variable `QR_SIGNING_KEYS` (set in the CloudBase console / by the deploy pipeline from SSM, never
 * in cloudbaserc.json), or are read from SSM `GetSecretValue` at cold start and passed to
 * `keysFromConfig`. Both function groups that touch tokens (citizen: sign; staff: verify) need it.
 *
 * `QR_SIGNING_KEYS` = a JSON array of private JWKs, each with
 *   kid       1–8 characters, unique; keep it at 3 so codes stay at QR version ≤ 10 (token.port.ts)
 *   alg       "EdDSA" (kty OKP, crv Ed25519) or "SM2" (kty EC, crv SM2; sm2.signer.ts); inferred if absent
 *   notAfter  optional; ISO-8601 with offset, or epoch seconds: the key stops signing then and
 *             keeps verifying until notAfter + 120 s (the token lifetime) + 5 s skew, then drops out
 * The first key in the array that may still sign is current. A key without `d` only verifies.
 *
 * Rotation, done in the secret manager (rotate() here refuses: config is read-only at runtime):
 *   1. generate a key (`makeSigningKey`), put it FIRST in the array;
 *   2. give the old key `notAfter` = the time the new secret version is deployed;
 *   3. after notAfter + 2 min remove the old key from the secret (it no longer verifies anyway).
 */
import type { JWK } from 'jose';
import { ALGORITHMS } from '../core/qr/algorithms';
import { KeyRing, newKid, type KeyEntry } from '../core/qr/jws';
import { QR_TTL_SECONDS, type TokenAlg, type TokenKeys } from '../core/qr/token.port';

function inferAlg(jwk: Record<string, unknown>): TokenAlg | null {
  if (jwk.alg === 'EdDSA' || jwk.alg === 'SM2') return jwk.alg;
  if (jwk.alg !== undefined) return null;
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519') return 'EdDSA';
  if (jwk.kty === 'EC' && jwk.crv === 'SM2') return 'SM2';
  return null;
}

function parseNotAfter(v: unknown, i: number): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v)) return v * 1000;
  if (typeof v === 'string' && /(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))) return Date.parse(v);
  throw new Error(`QR_SIGNING_KEYS[${i}].notAfter: ISO-8601 with an offset, or epoch seconds`);
}

/** Parses the key configuration; throws (at cold start) on anything wrong, never echoing key material. */
export function parseKeyConfig(text: string): KeyEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('QR_SIGNING_KEYS is not valid JSON');
  }
  if (!Array.isArray(raw) || raw.length === 0) throw new Error('QR_SIGNING_KEYS must be a non-empty JSON array of JWKs');
  const seen = new Set<string>();
  return raw.map((item, i) => {
    if (!item || typeof item !== 'object') throw new Error(`QR_SIGNING_KEYS[${i}] is not a JWK object`);
    const { kid, alg: _a, use: _u, notAfter, key_ops: _k, ...jwk } = item as Record<string, unknown>;
    if (typeof kid !== 'string' || !/^[A-Za-z0-9_-]{1,8}$/.test(kid)) throw new Error(`QR_SIGNING_KEYS[${i}].kid: 1–8 characters of A–Z a–z 0–9 _ -`);
    if (seen.has(kid)) throw new Error(`QR_SIGNING_KEYS: kid "${kid}" appears twice`);
    seen.add(kid);
    const alg = inferAlg(item as Record<string, unknown>);
    if (!alg) throw new Error(`QR_SIGNING_KEYS[${i}] (kid ${kid}): alg must be EdDSA or SM2`);
    const algorithm = ALGORITHMS[alg];
    return {
      kid,
      alg,
      privateJwk: typeof jwk.d === 'string' ? (jwk as JWK) : null,
      publicJwk: algorithm.publicOf(jwk as JWK),
      notAfter: parseNotAfter(notAfter, i),
    };
  });
}

export function keysFromConfig(entries: KeyEntry[], o: { ttlSeconds?: number } = {}): TokenKeys {
  const ttlSeconds = o.ttlSeconds ?? QR_TTL_SECONDS;
  const ring = new KeyRing(ALGORITHMS, ttlSeconds);
  const first = entries.find((e) => e.privateJwk) ?? entries[0];
  return {
    alg: first.alg as TokenAlg,
    ttlSeconds,
    async current(now) {
      const e = entries.find((k) => ring.signs(k, now));
      if (!e) throw new Error('QR_SIGNING_KEYS: no key may sign now (all past notAfter or public only)');
      return ring.signer(e);
    },
    async rotate() {
      throw new Error('QR keys come from secret configuration: rotate them in the secret manager (see keys.env.ts)');
    },
    async jwks(now) {
      return ring.published(entries, now);
    },
    verify(token, now) {
      return ring.verify(entries, token, now);
    },
    verifyJson(token, now) {
      return ring.verifyJson(entries, token, now);
    },
  };
}

/** Production entry: `keysFromEnv(process.env)`; null when the variable is not set. */
export function keysFromEnv(env: Record<string, string | undefined>, o: { ttlSeconds?: number } = {}): TokenKeys | null {
  const text = env.QR_SIGNING_KEYS;
  if (!text || !text.trim()) return null;
  return keysFromConfig(parseKeyConfig(text), o);
}

/** A new private JWK with a 3-character kid, ready to paste into the secret (rotation step 1). */
export async function makeSigningKey(alg: TokenAlg, taken: string[] = []): Promise<JWK & { kid: string; alg: string }> {
  const jwk = await ALGORITHMS[alg].generate();
  return { ...jwk, kid: newKid((k) => taken.includes(k)), alg };
}
