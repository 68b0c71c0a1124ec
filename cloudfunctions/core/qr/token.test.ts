/**
 * The QR token on its own (docs/product.md flow 6): signed, short-lived, small enough for a QR of
 * version ≤ 10 at error correction M, verifiable offline by a standard JOSE library with the
 * published JWKS, and rotatable without breaking codes already on screens.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, createLocalJWKSet, jwtVerify } from 'jose';
import jsQR from 'jsqr';
import qrcode from 'qrcode-generator';
import { sm2 } from 'sm-crypto-v2';
import { keysFromEnv, makeSigningKey, parseKeyConfig } from '../../adapters/keys.env';
import { fileKeys } from '../../adapters/keys.file';
import { SM2_DEFAULT_USER_ID } from './sm2.signer';
import { claimsFor, QR_CLOCK_SKEW_SECONDS, QR_TTL_SECONDS, type TokenAlg, type TokenKeys } from './token.port';

const T0 = Date.parse('2026-03-10T10:00:00+08:00');
const CERT = '21020420260000017'; // a well-formed number (MOD 11-2 check character)
const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'jy-keys-'));
  dirs.push(d);
  return d;
}
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** QR version qrcode-generator picks (type 0 = smallest that fits) at ECC M, byte mode. */
function qrVersion(text: string): { version: number; modules: number; qr: ReturnType<typeof qrcode> } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const modules = qr.getModuleCount();
  return { version: (modules - 17) / 4, modules, qr };
}

/** Renders the code as pixels and reads it back with jsQR, as a scanner would. */
function scan(qr: ReturnType<typeof qrcode>): string | null {
  const cell = 4;
  const margin = 4;
  const n = qr.getModuleCount();
  const size = (n + 2 * margin) * cell;
  const px = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) {
    if (!qr.isDark(r, c)) continue;
    for (let y = 0; y < cell; y++) for (let x = 0; x < cell; x++) {
      const i = (((r + margin) * cell + y) * size + (c + margin) * cell + x) * 4;
      px[i] = px[i + 1] = px[i + 2] = 0;
    }
  }
  return jsQR(px, size, size)?.data ?? null;
}

const swapPayload = (token: string, claims: object) => {
  const [h, , s] = token.split('.');
  return `${h}.${base64url.encode(JSON.stringify(claims))}.${s}`;
};

describe.each<TokenAlg>(['EdDSA', 'SM2'])('%s tokens from keys in DATA_DIR/keys', (alg) => {
  let dir: string;
  let keys: TokenKeys;
  beforeEach(() => {
    dir = tempDir();
    keys = fileKeys({ dir: join(dir, 'keys'), alg });
  });

  it('signs the minimum claims and verifies them back', async () => {
    const signer = await keys.current(T0);
    expect(signer.alg).toBe(alg);
    expect(signer.kid).toMatch(/^[A-Za-z0-9_-]{3}$/);
    const token = await signer.sign(claimsFor(CERT, 1, T0));
    const [h, p, s] = token.split('.');
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(h)))).toEqual({ alg, kid: signer.kid });
    expect(JSON.parse(new TextDecoder().decode(base64url.decode(p)))).toEqual({ c: CERT, v: 1, iat: T0 / 1000, exp: T0 / 1000 + QR_TTL_SECONDS });
    expect(base64url.decode(s)).toHaveLength(64); // Ed25519, or SM2 raw r‖s
    await expect(keys.verify(token, T0 + 1000)).resolves.toEqual({ ok: true, claims: { c: CERT, v: 1, iat: T0 / 1000, exp: T0 / 1000 + 120 }, kid: signer.kid, alg });
  });

  it('keeps the token at QR version ≤ 10 (ECC M), and a scanner reads it back', async () => {
    const signer = await keys.current(T0);
    for (const version of [1, 12]) {
      const token = await signer.sign(claimsFor(CERT, version, T0));
      const { version: qrv, modules, qr } = qrVersion(token);
      // eslint-disable-next-line no-console
      console.log(`${alg} token, certificate version ${version}: ${token.length} characters → QR version ${qrv} (${modules}×${modules} modules) at ECC M`);
      expect(qrv).toBeLessThanOrEqual(10);
      expect(scan(qr)).toBe(token);
    }
  });

  it('creates the key on first use with a 0600 private file, and keeps it across restarts', async () => {
    const signer = await keys.current(T0);
    const token = await signer.sign(claimsFor(CERT, 1, T0));
    const files = readdirSync(join(dir, 'keys'));
    expect(files).toEqual([`${signer.kid}.jwk.json`]);
    expect(statSync(join(dir, 'keys', files[0])).mode & 0o777).toBe(0o600);
    const again = fileKeys({ dir: join(dir, 'keys'), alg });
    expect((await again.current(T0 + 5000)).kid).toBe(signer.kid);
    expect((await again.verify(token, T0 + 5000)).ok).toBe(true);
  });

  it('refuses a token whose payload was changed (another version, another number)', async () => {
    const signer = await keys.current(T0);
    const token = await signer.sign(claimsFor(CERT, 1, T0));
    const claims = claimsFor(CERT, 1, T0);
    await expect(keys.verify(swapPayload(token, { ...claims, v: 2 }), T0)).resolves.toEqual({ ok: false, reason: 'bad_signature' });
    await expect(keys.verify(swapPayload(token, { ...claims, c: '21020420260000025' }), T0)).resolves.toEqual({ ok: false, reason: 'bad_signature' });
    await expect(keys.verify(swapPayload(token, { ...claims, exp: claims.exp + 3600 }), T0)).resolves.toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a token whose signature was changed', async () => {
    const token = await (await keys.current(T0)).sign(claimsFor(CERT, 1, T0));
    const i = token.lastIndexOf('.') + 10;
    const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    await expect(keys.verify(flipped, T0)).resolves.toEqual({ ok: false, reason: 'bad_signature' });
    const zeros = token.slice(0, token.lastIndexOf('.') + 1) + base64url.encode(new Uint8Array(64));
    await expect(keys.verify(zeros, T0)).resolves.toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('refuses a token that names the key but another algorithm (no alg confusion)', async () => {
    const signer = await keys.current(T0);
    const token = await signer.sign(claimsFor(CERT, 1, T0));
    const [, p, s] = token.split('.');
    for (const other of ['none', 'HS256', alg === 'SM2' ? 'EdDSA' : 'SM2']) {
      const h = base64url.encode(JSON.stringify({ alg: other, kid: signer.kid }));
      await expect(keys.verify(`${h}.${p}.${s}`, T0)).resolves.toEqual({ ok: false, reason: 'bad_signature' });
    }
  });

  it('answers malformed for anything that is not one of our tokens', async () => {
    const token = await (await keys.current(T0)).sign(claimsFor(CERT, 1, T0));
    const [h, p] = token.split('.');
    for (const bad of ['', 'hello', 'a.b.c', `${h}.${p}`, `${h}.${p}.`, `${token}.x`, `${h}.${base64url.encode('{"c":"123","v":1,"iat":1,"exp":2}')}.${token.split('.')[2]}`, 'x'.repeat(5000), `${token} `]) {
      await expect(keys.verify(bad, T0)).resolves.toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('answers expired after exp + 5 s of skew, and not_yet_valid before iat − 5 s', async () => {
    const signer = await keys.current(T0);
    const token = await signer.sign(claimsFor(CERT, 1, T0));
    const exp = T0 + QR_TTL_SECONDS * 1000;
    expect((await keys.verify(token, exp + QR_CLOCK_SKEW_SECONDS * 1000)).ok).toBe(true);
    await expect(keys.verify(token, exp + QR_CLOCK_SKEW_SECONDS * 1000 + 1000)).resolves.toMatchObject({ ok: false, reason: 'expired', claims: { c: CERT, v: 1 } });
    expect((await keys.verify(token, T0 - 5000)).ok).toBe(true);
    await expect(keys.verify(token, T0 - 6000)).resolves.toMatchObject({ ok: false, reason: 'not_yet_valid' });
  });

  it('answers unknown_key for a token signed by a key it never published', async () => {
    const mine = await keys.current(T0);
    let stranger = await fileKeys({ dir: join(tempDir(), 'keys'), alg }).current(T0);
    while (stranger.kid === mine.kid) stranger = await fileKeys({ dir: join(tempDir(), 'keys'), alg }).current(T0);
    const forged = await stranger.sign(claimsFor(CERT, 1, T0));
    await expect(keys.verify(forged, T0)).resolves.toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('keeps a rotated key verifying (and published) until its last token expires, then drops it', async () => {
    const old = await keys.current(T0);
    const oldToken = await old.sign(claimsFor(CERT, 1, T0 + 59_000));
    await keys.rotate(T0 + 60_000);
    const fresh = await keys.current(T0 + 60_000);
    expect(fresh.kid).not.toBe(old.kid);
    const freshToken = await fresh.sign(claimsFor(CERT, 1, T0 + 60_000));

    const at = T0 + 60_000 + QR_TTL_SECONDS * 1000; // the old key's last token is still inside its skew
    expect((await keys.verify(oldToken, at)).ok).toBe(true);
    expect((await keys.jwks(at)).keys.map((k) => k.kid).sort()).toEqual([old.kid, fresh.kid].sort());

    const later = at + (QR_CLOCK_SKEW_SECONDS + 1) * 1000;
    expect((await keys.jwks(later)).keys.map((k) => k.kid)).toEqual([fresh.kid]);
    await expect(keys.verify(oldToken, later)).resolves.toEqual({ ok: false, reason: 'unknown_key' });
    expect((await keys.verify(freshToken, T0 + 60_000 + 1000)).ok).toBe(true);
    // the private key of the dropped one is gone from disk; its kid stays reserved
    expect(readdirSync(join(dir, 'keys')).sort()).toEqual([`${fresh.kid}.jwk.json`, `${old.kid}.dropped.json`].sort());
    const restarted = fileKeys({ dir: join(dir, 'keys'), alg });
    expect((await restarted.jwks(later)).keys.map((k) => k.kid)).toEqual([fresh.kid]);
  });

  it('publishes public keys only', async () => {
    await keys.current(T0);
    const { keys: published } = await keys.jwks(T0);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ alg, use: 'sig' });
    expect(published[0]).not.toHaveProperty('d');
  });
});

describe('an outside verifier with nothing but jose and the JWKS', () => {
  it('verifies an EdDSA token with createLocalJWKSet + jwtVerify, and refuses it once expired', async () => {
    const keys = fileKeys({ dir: join(tempDir(), 'keys') });
    const token = await (await keys.current(T0)).sign(claimsFor(CERT, 3, T0));
    const jwks = createLocalJWKSet(JSON.parse(JSON.stringify(await keys.jwks(T0))));
    const { payload, protectedHeader } = await jwtVerify(token, jwks, { algorithms: ['EdDSA'], currentDate: new Date(T0 + 30_000) });
    expect(payload).toEqual({ c: CERT, v: 3, iat: T0 / 1000, exp: T0 / 1000 + 120 });
    expect(protectedHeader.alg).toBe('EdDSA');
    await expect(jwtVerify(token, jwks, { algorithms: ['EdDSA'], currentDate: new Date(T0 + 200_000) })).rejects.toThrow(/exp/);
    await expect(jwtVerify(swapPayload(token, { c: CERT, v: 4, iat: T0 / 1000, exp: T0 / 1000 + 120 }), jwks, { currentDate: new Date(T0) })).rejects.toThrow(/signature/);
  });

  it('verifies an SM2 token with sm-crypto-v2 alone, following the documented profile', async () => {
    const keys = fileKeys({ dir: join(tempDir(), 'keys'), alg: 'SM2' });
    const token = await (await keys.current(T0)).sign(claimsFor(CERT, 1, T0));
    const [jwk] = (await keys.jwks(T0)).keys;
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'SM2', alg: 'SM2' });
    const hex = (s: string) => Buffer.from(base64url.decode(s)).toString('hex');
    const [h, p, s] = token.split('.');
    const publicKey = `04${hex(jwk.x as string)}${hex(jwk.y as string)}`;
    const verify = (input: string, sig: string) => sm2.doVerifySignature(input, sig, publicKey, { hash: true, der: false, userId: SM2_DEFAULT_USER_ID });
    expect(verify(`${h}.${p}`, hex(s))).toBe(true);
    expect(verify(`${h}.${base64url.encode('{"c":"21020420260000017","v":2,"iat":1,"exp":2}')}`, hex(s))).toBe(false);
  });
});

describe('keys from secret configuration (production: QR_SIGNING_KEYS from the secret manager)', () => {
  it('signs with the first key that may sign, verifies a retired one until notAfter + ttl, and publishes no private member', async () => {
    const oldKey = await makeSigningKey('EdDSA');
    const newKey = await makeSigningKey('EdDSA', [oldKey.kid]);
    const switchAt = T0 + 30_000;
    const before = keysFromEnv({ QR_SIGNING_KEYS: JSON.stringify([oldKey]) })!;
    const oldToken = await (await before.current(T0)).sign(claimsFor(CERT, 1, T0 + 29_000));

    const after = keysFromEnv({ QR_SIGNING_KEYS: JSON.stringify([newKey, { ...oldKey, notAfter: new Date(switchAt).toISOString() }]) })!;
    expect((await after.current(switchAt)).kid).toBe(newKey.kid);
    expect((await after.verify(oldToken, T0 + 100_000)).ok).toBe(true);
    const jwks = await after.jwks(T0 + 100_000);
    expect(jwks.keys.map((k) => k.kid)).toEqual([newKey.kid, oldKey.kid]);
    expect(JSON.stringify(jwks)).not.toContain(oldKey.d as string);
    const gone = switchAt + (QR_TTL_SECONDS + QR_CLOCK_SKEW_SECONDS + 1) * 1000;
    expect((await after.jwks(gone)).keys.map((k) => k.kid)).toEqual([newKey.kid]);
    await expect(after.rotate(T0)).rejects.toThrow(/secret manager/);
  });

  it('refuses a broken configuration at start without echoing key material', async () => {
    const k = await makeSigningKey('SM2');
    expect(() => parseKeyConfig('not json')).toThrow(/not valid JSON/);
    expect(() => parseKeyConfig('[]')).toThrow(/non-empty/);
    expect(() => parseKeyConfig(JSON.stringify([k, k]))).toThrow(/appears twice/);
    let message = '';
    try { parseKeyConfig(JSON.stringify([{ ...k, kid: 'far-too-long' }])); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/kid/);
    expect(message).not.toContain(k.d as string);
    expect(keysFromEnv({})).toBeNull();
  });
});

describe('switching QR_ALG on an existing key directory', () => {
  it('makes the new algorithm current at once and keeps the old codes verifying until they expire', async () => {
    const dir = join(tempDir(), 'keys');
    const ed = fileKeys({ dir, alg: 'EdDSA' });
    const edToken = await (await ed.current(T0)).sign(claimsFor(CERT, 1, T0));
    const gm = fileKeys({ dir, alg: 'SM2' });
    const signer = await gm.current(T0 + 10_000);
    expect(signer.alg).toBe('SM2');
    expect((await gm.verify(edToken, T0 + 20_000)).ok).toBe(true);
    expect((await gm.verify(await signer.sign(claimsFor(CERT, 1, T0 + 10_000)), T0 + 20_000)).ok).toBe(true);
  });
});

// Speed is measured by `npm run bench` (QR verifications per second), not by a timed test: this one
// checks that a run of tokens all verify and prints what they cost on this machine.
describe('a run of signed tokens', () => {
  it.each<TokenAlg>(['EdDSA', 'SM2'])('%s: every token of a run verifies (cost printed)', async (alg) => {
    const keys = fileKeys({ dir: join(tempDir(), 'keys'), alg });
    const signer = await keys.current(T0);
    await keys.verify(await signer.sign(claimsFor(CERT, 1, T0)), T0); // warm up (key import)
    const n = alg === 'SM2' ? 100 : 500;
    const tokens: string[] = [];
    let t = performance.now();
    for (let i = 0; i < n; i++) tokens.push(await signer.sign(claimsFor(CERT, 1, T0 + i)));
    const signMs = (performance.now() - t) / n;
    t = performance.now();
    for (const tok of tokens) expect((await keys.verify(tok, T0 + 1000)).ok).toBe(true);
    const verifyMs = (performance.now() - t) / n;
    // eslint-disable-next-line no-console
    console.log(`${alg}: sign ${signMs.toFixed(3)} ms, verify ${verifyMs.toFixed(3)} ms (mean of ${n})`);
    expect(tokens).toHaveLength(n);
  });
});
