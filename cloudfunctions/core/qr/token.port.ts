/**
 * The electronic 《就业创业证》 QR token (docs/product.md flow 6; docs/api.md `/.well-known/jwks.json`).
 *
 * A token is a compact JWS that any JOSE library verifies offline with the published JWKS:
 *   header  {"alg":"EdDSA","kid":"k3x"}                (alg "SM2" in 国密 deployments, see sm2.signer.ts)
 *   payload {"c":"<certificate no>","v":<version>,"iat":<s>,"exp":<s>}
 * and nothing else: no name, no ID number (docs/product.md "The QR carries a signed token, not personal
 * data in clear"). Whether the certificate was revoked or superseded by a 补发 (大人社规发〔2025〕2号 一(四)) is
 * the online half of `verifyCertificate`; the token only proves "we issued this code for this
 * version of this certificate, less than TTL ago".
 *
 * Why the claims are this small: the code must stay at QR version ≤ 10 at error correction M
 * (213 bytes in byte mode; base64url needs lowercase, so alphanumeric mode cannot hold it), so a
 * phone camera reads it off a dim screen at arm's length. Measured (token.test.ts):
 *   header 27–28 B + payload 65–66 B + 64-byte signature → 211–213 characters → version 10.
 * That is why the kid is 3 characters (18 random bits, never reused within one key store — a kid
 * only has to be unique among the keys a verifier holds, RFC 7517 §4.5) and the SM2 alg name is
 * "SM2", not "SM2SM3": with an 8-character kid the same token is 218 characters → version 11.
 */
import type { JWK } from 'jose';

/** Seconds a token is valid. The client refreshes every ≈ 60 s (docs/product.md flow 6), so a shown
 * code is never stale, while a screenshot is useless two minutes later. */
export const QR_TTL_SECONDS = 120;
/** Clock skew accepted between the signing cloud function and the verifying one. */
export const QR_CLOCK_SKEW_SECONDS = 5;

export interface QrClaims {
  /** certificate number (17 characters, shared/certificate-number.ts) */
  c: string;
  /** certificate version; a 补发 raises it and every older token stops verifying */
  v: number;
  /** issued at, epoch seconds (RFC 7519 NumericDate) */
  iat: number;
  /** expires at, epoch seconds; standard verifiers (jose `jwtVerify`) enforce it */
  exp: number;
}

export type TokenAlg = 'EdDSA' | 'SM2';

export interface TokenSigner {
  alg: string;
  kid: string;
  sign(claims: QrClaims): Promise<string>;
  /** Any other JSON claims under the same header and key (the registration proof, core/proof.ts). */
  signJson(claims: Record<string, unknown>): Promise<string>;
}

/** A compact JWS of other claims checked for form, key and signature only; the caller checks the claims. */
export type JsonVerdict =
  | { ok: true; claims: Record<string, unknown>; kid: string; alg: string }
  | { ok: false; reason: 'malformed' | 'bad_signature' | 'unknown_key' };

export type VerifyFailure = 'malformed' | 'bad_signature' | 'unknown_key' | 'expired' | 'not_yet_valid';

export type TokenVerdict =
  | { ok: true; claims: QrClaims; kid: string; alg: string }
  | { ok: false; reason: VerifyFailure; /** present when the signature was genuine (expired / not yet valid) */ claims?: QrClaims };

/** A public JWK as published: kid, alg and use are always set. */
export type PublishedJwk = JWK & { kid: string; alg: string; use: 'sig' };

/**
 * The key ring behind the tokens. Adapters: keys.file.ts (DATA_DIR, local), keys.env.ts
 * (production: secret configuration from a KMS / secret manager). Rotation keeps an old key
 * verifying until the last token it signed has expired, then drops it.
 */
export interface TokenKeys {
  /** the algorithm new keys use */
  readonly alg: TokenAlg;
  readonly ttlSeconds: number;
  /** the key that signs now (created on first use where the adapter can create keys) */
  current(now: number): Promise<TokenSigner>;
  /** a new key becomes current; the old one only verifies, until `now + ttl` */
  rotate(now: number): Promise<void>;
  /** what `GET /.well-known/jwks.json` serves: every key that may still verify a live token */
  jwks(now: number): Promise<{ keys: PublishedJwk[] }>;
  /** offline check: form, key, signature, times (with QR_CLOCK_SKEW_SECONDS) */
  verify(token: string, now: number): Promise<TokenVerdict>;
  /** the same check for a `signJson` token (form, key, signature; times are the caller's) */
  verifyJson(token: string, now: number): Promise<JsonVerdict>;
}

/** Claims for a certificate version at `now` (epoch ms). */
export function claimsFor(certificateNo: string, version: number, now: number, ttlSeconds = QR_TTL_SECONDS): QrClaims {
  const iat = Math.floor(now / 1000);
  return { c: certificateNo, v: version, iat, exp: iat + ttlSeconds };
}
