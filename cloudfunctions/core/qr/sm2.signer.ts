/**
 * SM2 signatures for 国密 deployments (GM/T 0003.2-2012 SM2 数字签名, with SM3 and the signer's
 * Z value of GM/T 0009-2012), behind the same port as EdDSA; chosen with `QR_ALG=SM2`.
 *
 * No JOSE `alg` is registered for SM2 (IANA "JSON Web Signature and Encryption Algorithms"), so
 * this is a private profile, documented here and in the README:
 *   - `alg`: "SM2" — SM2 signature over SM3(Z ‖ M), where M is the JWS signing input
 *     `base64url(header) "." base64url(payload)` (RFC 7515 §5.1) and
 *     Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA) with the default user id
 *     ID = "1234567812345678" (GM/T 0009-2012 §10: the id to use when none is agreed).
 *     Not "SM2SM3": two more header bytes push a version-10 token into QR version 11 (token.port.ts).
 *   - signature encoding: raw r ‖ s, each a 32-byte big-endian integer, 64 bytes, base64url
 *     (like ES256 in RFC 7518 §3.4, not DER), so the token is the same length as an EdDSA one.
 *   - JWK: {"kty":"EC","crv":"SM2","x","y"(,"d")}, coordinates as 32-byte big-endian base64url
 *     (RFC 7518 §6.2 layout; "SM2" is not a registered crv either).
 * An outside verifier needs an SM2 library (sm-crypto / sm-crypto-v2 in JS, GmSSL, BouncyCastle
 * `SM3withSM2`); a standard JOSE library will refuse the key, which is the honest outcome.
 * sm-crypto-v2 options used: `hash: true` (compute Z and SM3 inside), `der: false` (raw r‖s),
 * `userId` left at the library default, which is the GM/T 0009 default id above.
 */
import { base64url, type JWK } from 'jose';
import { sm2 } from 'sm-crypto-v2';
import type { JwsAlgorithm } from './jws';

/** GM/T 0009-2012 §10 default signer id (also sm-crypto-v2's default). */
export const SM2_DEFAULT_USER_ID = '1234567812345678';
/** Order n of the SM2 base point (GM/T 0003.5-2012); r and s must lie in [1, n-1] (§7.1 B1, B2). */
const SM2_N = BigInt('0xFFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54123');

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
function bytes(h: string): Uint8Array {
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}
const b64 = (h: string) => base64url.encode(bytes(h));
function coord(v: unknown): string {
  if (typeof v !== 'string') throw new Error('SM2 JWK: missing coordinate');
  const b = base64url.decode(v);
  if (b.length !== 32) throw new Error('SM2 JWK: a coordinate must be 32 bytes');
  return hex(b);
}

/** Uncompressed public key hex ("04" ‖ x ‖ y), as sm-crypto-v2 takes it. */
function publicHex(jwk: JWK): string {
  if (jwk.kty !== 'EC' || jwk.crv !== 'SM2') throw new Error('not an SM2 JWK');
  return `04${coord(jwk.x)}${coord(jwk.y)}`;
}

export const sm2Jws: JwsAlgorithm = {
  alg: 'SM2',
  async generate() {
    const { privateKey, publicKey } = sm2.generateKeyPairHex();
    return { kty: 'EC', crv: 'SM2', x: b64(publicKey.slice(2, 66)), y: b64(publicKey.slice(66, 130)), d: b64(privateKey) };
  },
  publicOf(jwk) {
    return { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
  },
  async signer(jwk) {
    const d = coord(jwk.d);
    const pub = publicHex(jwk);
    if (sm2.getPublicKeyFromPrivateKey(d).toLowerCase() !== pub.toLowerCase()) throw new Error('SM2 JWK: d does not match x, y');
    return async (input) => bytes(sm2.doSignature(input, d, { hash: true, der: false, publicKey: pub, userId: SM2_DEFAULT_USER_ID }));
  },
  async verifier(jwk) {
    const pub = publicHex(jwk);
    if (!sm2.verifyPublicKey(pub)) throw new Error('SM2 JWK: not a point on the curve');
    return async (input, signature) => {
      if (signature.length !== 64) return false;
      const sig = hex(signature);
      const r = BigInt(`0x${sig.slice(0, 64)}`);
      const s = BigInt(`0x${sig.slice(64)}`);
      // The library does not range-check r and s; an s + n variant must not pass as a second spelling.
      if (r < 1n || r >= SM2_N || s < 1n || s >= SM2_N) return false;
      return sm2.doVerifySignature(input, sig, pub, { hash: true, der: false, userId: SM2_DEFAULT_USER_ID });
    };
  },
};
