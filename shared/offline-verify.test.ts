/**
 * The staff scanner's offline answer (shared/offline-verify.ts) against tokens and revocation lists
 * made by the server's own code: the QR key ring of DATA_DIR (adapters/keys.file.ts), the list as
 * `GET /.well-known/revocations` builds and signs it from the certificates in a store
 * (core/revocations.ts signedRevocations), and the JWKS the server publishes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url } from 'jose';
import { openSqliteStore } from '../cloudfunctions/adapters/store.sqlite';
import { fileKeys } from '../cloudfunctions/adapters/keys.file';
import type { Deps } from '../cloudfunctions/core/deps';
import type { CertificateRecord } from '../cloudfunctions/core/records';
import { signedRevocations, REVOCATION_LIST_TTL_SECONDS } from '../cloudfunctions/core/revocations';
import { eddsa } from '../cloudfunctions/core/qr/eddsa.signer';
import { makeSigner } from '../cloudfunctions/core/qr/jws';
import { claimsFor, QR_TTL_SECONDS, type TokenKeys } from '../cloudfunctions/core/qr/token.port';
import type { StorePort } from '../cloudfunctions/core/store.port';
import { formatCertificateNo } from './certificate-number';
import { base64urlDecode, readRevocationList, verifyOffline, type KeptRevocations } from './offline-verify';

const T0 = Date.parse('2026-03-10T10:00:00+08:00');
const VALID = formatCertificateNo('210204', 2026, 1);
const REISSUED = formatCertificateNo('210204', 2026, 2); // 补发 once: version 2 current, 1 void
const REVOKED = formatCertificateNo('210211', 2025, 7);
const EXCHANGED = formatCertificateNo('210202', 2024, 3); // superseded as a whole by a 换发

const dirs: string[] = [];
const temp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  dirs.push(d);
  return d;
};

function certificate(certificateNo: string, version: number, status: CertificateRecord['status']): CertificateRecord {
  return {
    certificateNo, version, status, personKey: `pk-${certificateNo}`, name: '测试持证人', idType: '01', idNumber: '-', issuingRegion: certificateNo.slice(0, 6),
    issuedAt: T0 - 86_400_000, applicationId: `app-${certificateNo}`, history: [],
  };
}

let store: StorePort;
let keys: TokenKeys;
let kept: KeptRevocations;

/** The list and keys as getRevocationList hands them to the scanner at `at`. */
async function fetchList(at: number): Promise<KeptRevocations> {
  const deps = { store, qrKeys: keys, clock: { now: () => at } } as unknown as Deps;
  const signed = await signedRevocations(deps);
  return { list: signed!.list, jwks: (await keys.jwks(at)) as KeptRevocations['jwks'] };
}

const tokenFor = async (certificateNo: string, version: number, at = T0) => (await keys.current(at)).sign(claimsFor(certificateNo, version, at));

beforeAll(async () => {
  store = openSqliteStore({ dataDir: temp('jy-offline-store-') });
  keys = fileKeys({ dir: join(temp('jy-offline-keys-'), 'keys'), alg: 'EdDSA' });
  await store.transaction(async (tx) => {
    await tx.put('certificates', VALID, certificate(VALID, 1, 'valid'));
    await tx.put('certificates', REISSUED, certificate(REISSUED, 2, 'valid'));
    await tx.put('certificates', REVOKED, certificate(REVOKED, 1, 'revoked'));
    await tx.put('certificates', EXCHANGED, certificate(EXCHANGED, 1, 'superseded'));
  });
  kept = await fetchList(T0);
});
afterAll(async () => {
  await store?.close?.();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a verifier with no signal, with the list and keys kept while online', () => {
  it('says 有效 for a live code of a certificate the list does not void, as of the list\'s time, showing only the masked number', async () => {
    const v = verifyOffline(await tokenFor(VALID, 1), kept, T0 + 30_000);
    expect(v).toEqual({ kind: 'valid', certificateNoMasked: `${VALID.slice(0, 4)}*********${VALID.slice(-4)}`, listIssuedAt: T0 / 1000, text: '有效（离线核验，吊销列表截至 3月10日 10:00）' });
    expect(JSON.stringify(v)).not.toContain(VALID);
    // the current version after a 补发 is valid too
    expect(verifyOffline(await tokenFor(REISSUED, 2), kept, T0 + 30_000).kind).toBe('valid');
  });

  it('refuses a code of a version voided by a 补发 (大人社规发〔2025〕2号 一(四)) or by a 换发', async () => {
    expect(verifyOffline(await tokenFor(REISSUED, 1), kept, T0 + 30_000)).toMatchObject({ kind: 'invalid', reason: 'superseded', text: '已补发新证，此码已作废' });
    expect(verifyOffline(await tokenFor(EXCHANGED, 1), kept, T0 + 30_000)).toMatchObject({ kind: 'invalid', reason: 'superseded' });
  });

  it('refuses a code of a revoked certificate', async () => {
    expect(verifyOffline(await tokenFor(REVOKED, 1), kept, T0 + 30_000)).toMatchObject({ kind: 'invalid', reason: 'revoked', text: '证件已吊销' });
  });

  it('refuses a screenshot older than the code\'s life (5 s of clock skew allowed), by the device\'s clock', async () => {
    const token = await tokenFor(VALID, 1);
    const exp = T0 + QR_TTL_SECONDS * 1000;
    expect(verifyOffline(token, kept, exp + 5_000).kind).toBe('valid');
    expect(verifyOffline(token, kept, exp + 6_000)).toMatchObject({ kind: 'invalid', reason: 'expired', text: '二维码已过期，请持证人刷新' });
  });

  it('gives no answer on a list past its day: a later 补发 would not be in it', async () => {
    const token = await tokenFor(VALID, 1, T0 + REVOCATION_LIST_TTL_SECONDS * 1000);
    expect(verifyOffline(token, kept, T0 + REVOCATION_LIST_TTL_SECONDS * 1000)).toMatchObject({ kind: 'valid' });
    expect(verifyOffline(token, kept, T0 + REVOCATION_LIST_TTL_SECONDS * 1000 + 1_000)).toMatchObject({ kind: 'undecided', reason: 'list_expired', text: '吊销列表已过期，请联网后核验' });
  });

  it('says 签名无效 for a tampered code: signature changed, claims changed, or signed by someone else under our key id', async () => {
    const token = await tokenFor(VALID, 1);
    const [h, p, s] = token.split('.');
    const sig = base64url.decode(s);
    sig[10] ^= 1;
    expect(verifyOffline(`${h}.${p}.${base64url.encode(sig)}`, kept, T0)).toMatchObject({ kind: 'invalid', reason: 'bad_signature', text: '签名无效' });
    // a superseded version passed off as the current one
    const old = await tokenFor(REISSUED, 1);
    const [oh, , os] = old.split('.');
    const lifted = `${oh}.${base64url.encode(JSON.stringify({ c: REISSUED, v: 2, iat: T0 / 1000, exp: T0 / 1000 + 120 }))}.${os}`;
    const liftedVerdict = verifyOffline(lifted, kept, T0);
    expect(liftedVerdict).toMatchObject({ kind: 'invalid', reason: 'bad_signature' });
    expect(liftedVerdict).not.toHaveProperty('certificateNoMasked'); // a forged code makes us name no certificate
    // a forger's own Ed25519 key, our kid in the header
    const ourKid = kept.jwks.keys[0].kid;
    const forged = makeSigner('EdDSA', ourKid, await eddsa.signer(await eddsa.generate()));
    expect(verifyOffline(await forged.sign(claimsFor(VALID, 1, T0)), kept, T0)).toMatchObject({ kind: 'invalid', reason: 'bad_signature' });
    // alg confusion: the header may not choose another algorithm for our key
    const noneAlg = `${base64url.encode(JSON.stringify({ alg: 'none', kid: ourKid }))}.${p}.${s}`;
    expect(verifyOffline(noneAlg, kept, T0)).toMatchObject({ kind: 'invalid', reason: 'bad_signature' });
  });

  it('refuses a tampered list: a 补发 struck out of it leaves no list to answer with', async () => {
    const [h, p, s] = kept.list.split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(p)));
    expect(claims.sup).toEqual([[EXCHANGED, 1], [REISSUED, 1]]);
    const struck = `${h}.${base64url.encode(JSON.stringify({ ...claims, sup: [] }))}.${s}`;
    expect(readRevocationList(struck, kept.jwks)).toEqual({ ok: false, reason: 'list_invalid' });
    expect(verifyOffline(await tokenFor(REISSUED, 1), { ...kept, list: struck }, T0)).toMatchObject({ kind: 'undecided', reason: 'list_invalid' });
    // the keys swapped for a forger's: the list no longer verifies with them
    const forger = fileKeys({ dir: join(temp('jy-offline-forger2-'), 'keys'), alg: 'EdDSA' });
    const foreign = { ...kept, jwks: (await forger.jwks(T0)) as KeptRevocations['jwks'] };
    expect(verifyOffline(await tokenFor(VALID, 1), foreign, T0)).toMatchObject({ kind: 'undecided' });
  });

  it('reads the list the server signs, item by item', () => {
    const read = readRevocationList(kept.list, kept.jwks);
    expect(read).toEqual({ ok: true, claims: { sub: 'revocations', iat: T0 / 1000, exp: T0 / 1000 + REVOCATION_LIST_TTL_SECONDS, n: 3, sup: [[EXCHANGED, 1], [REISSUED, 1]], rev: [[REVOKED, 1]] } });
  });

  it('asks for the network when it cannot answer: no list kept, or a code signed by a key it does not hold', async () => {
    expect(verifyOffline(await tokenFor(VALID, 1), null, T0)).toMatchObject({ kind: 'undecided', reason: 'no_list', text: '本机尚未保存吊销列表，请联网后核验' });
    // a key rotated in after the list was fetched, or nobody's: either way, ask online
    const kid = kept.jwks.keys.some((k) => k.kid === 'zzz') ? 'yyy' : 'zzz';
    const unknown = await makeSigner('EdDSA', kid, await eddsa.signer(await eddsa.generate())).sign(claimsFor(VALID, 1, T0));
    expect(verifyOffline(unknown, kept, T0)).toMatchObject({ kind: 'undecided', reason: 'unknown_key' });
    expect(verifyOffline('not a code', kept, T0)).toMatchObject({ kind: 'invalid', reason: 'malformed' });
  });

  it('does not check SM2 (国密) offline: it says to verify online rather than call a genuine code forged', async () => {
    const smStore = openSqliteStore({ dataDir: temp('jy-offline-sm2-') });
    const smKeys = fileKeys({ dir: join(temp('jy-offline-sm2keys-'), 'keys'), alg: 'SM2' });
    const deps = { store: smStore, qrKeys: smKeys, clock: { now: () => T0 } } as unknown as Deps;
    const smKept = { list: (await signedRevocations(deps))!.list, jwks: (await smKeys.jwks(T0)) as KeptRevocations['jwks'] };
    const token = await (await smKeys.current(T0)).sign(claimsFor(VALID, 1, T0));
    expect(verifyOffline(token, smKept, T0)).toMatchObject({ kind: 'undecided', reason: 'unsupported_alg' });
    await smStore.close?.();
  });
});

describe('base64url as the mini-program decodes it (no atob there)', () => {
  it('decodes what Node encodes, for every length, and refuses a second spelling', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n * 11) & 0xff);
      const text = Buffer.from(bytes).toString('base64url');
      if (n === 0) continue;
      expect(Array.from(base64urlDecode(text)!)).toEqual(Array.from(bytes));
    }
    // 'QQ' is 'A'; 'QR' carries a set unused bit: the same byte spelt another way
    expect(Array.from(base64urlDecode('QQ')!)).toEqual([65]);
    expect(base64urlDecode('QR')).toBeNull();
    expect(base64urlDecode('QQ==')).toBeNull();
    expect(base64urlDecode('Q')).toBeNull();
    expect(base64urlDecode('a+b/')).toBeNull();
  });
});
