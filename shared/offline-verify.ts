/**
 * Offline verification of the electronic 《就业创业证》 QR (docs/api.md `GET /.well-known/revocations`,
 * `getRevocationList`): what the staff scanner answers at a job fair with no signal, from the signed
 * revocation list and the public keys it kept while online.
 *
 * The online check (cloudfunctions/core/handlers/verifyCertificate.handler.ts) asks the store; this
 * one asks the list, with the same rule in the same order (cloudfunctions/core/revocations.ts):
 *   1. the list: our signature (a key of the kept JWKS), our form, and now ≤ its `exp` — an expired
 *      list proves nothing about a later 补发 or 注销;
 *   2. the token: its key among the kept keys, the header's alg the key's, the signature, then
 *      now ≤ exp + QR_CLOCK_SKEW_SECONDS (a screenshot older than the token's two minutes fails);
 *   3. the list's rule for `{c, v}`: `sup[c] ≥ v` → superseded by a 补发 (大人社规发〔2025〕2号 一(四): the
 *      new version voids every code of the old one); else `rev[c] = v` → revoked; else valid as of
 *      the list's `iat`.
 *
 * Runs in the mini-program, where there is no WebCrypto, TextEncoder or atob: base64url and UTF-8 are
 * decoded here and Ed25519 (RFC 8032) is @noble/curves, pure JS. SM2 tokens (`QR_ALG=SM2`) are not
 * checked offline: the answer says to verify online. No platform imports; `now` is the caller's clock.
 */
import { ed25519 } from '@noble/curves/ed25519';
import { isCertificateNo } from './certificate-number';
import { beijingIso } from './dates';
import { maskIdNumber } from './mask';

/** Clock skew accepted on a token's `exp` (= cloudfunctions/core/qr/token.port.ts QR_CLOCK_SKEW_SECONDS). */
export const OFFLINE_CLOCK_SKEW_SECONDS = 5;
/** A QR token is ≈ 212 characters (qr/token.port.ts); the list grows with every 补发: one entry ≈ 25 bytes. */
const MAX_TOKEN_LENGTH = 1024;
const MAX_LIST_LENGTH = 4 * 1024 * 1024;

/** A key of `/.well-known/jwks.json` (cloudfunctions/core/qr/token.port.ts PublishedJwk). */
export interface PublicJwk {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  kid: string;
  alg: string;
  use?: string;
}

export interface Jwks {
  keys: PublicJwk[];
}

/** What the scanner keeps from `getRevocationList`. */
export interface KeptRevocations {
  /** the compact JWS */
  list: string;
  jwks: Jwks;
}

/** The list's payload (cloudfunctions/core/revocations.ts RevocationClaims). */
export interface RevocationListClaims {
  sub: 'revocations';
  iat: number;
  exp: number;
  n: number;
  sup: Array<[string, number]>;
  rev: Array<[string, number]>;
}

/**
 * Checks a signature with a public key: true / false, or null when it has no verifier for that
 * algorithm (the answer is then "verify online", never "forged").
 */
export type SignatureCheck = (alg: string, key: PublicJwk, signingInput: Uint8Array, signature: Uint8Array) => boolean | null;

/** The answer, by what the verifier does next. */
export type OfflineReason =
  // 无效: the code must not be accepted
  | 'malformed'
  | 'bad_signature'
  | 'expired'
  | 'superseded'
  | 'revoked'
  // 无法离线核验: no answer without the network
  | 'no_list'
  | 'list_invalid'
  | 'list_expired'
  | 'unknown_key'
  | 'unsupported_alg';

export const OFFLINE_REASON_TEXT: Record<OfflineReason, string> = {
  malformed: '不是有效的电子证二维码',
  bad_signature: '签名无效',
  expired: '二维码已过期，请持证人刷新',
  superseded: '已补发新证，此码已作废',
  revoked: '证件已吊销',
  no_list: '本机尚未保存吊销列表，请联网后核验',
  list_invalid: '本机保存的吊销列表无法验证，请联网后核验',
  list_expired: '吊销列表已过期，请联网后核验',
  unknown_key: '二维码的签名密钥不在本机保存的公钥中，请联网后核验',
  unsupported_alg: '本机不能离线核验此种签名（国密 SM2），请联网后核验',
};

const UNDECIDED = new Set<OfflineReason>(['no_list', 'list_invalid', 'list_expired', 'unknown_key', 'unsupported_alg']);

export type OfflineVerdict =
  | {
      kind: 'valid';
      /** the token's certificate number, masked: nothing else personal is known offline */
      certificateNoMasked: string;
      /** the list's issue time, epoch seconds: the answer is true as of then */
      listIssuedAt: number;
      /** 有效（离线核验，吊销列表截至 3月10日 10:00） */
      text: string;
    }
  | { kind: 'invalid' | 'undecided'; reason: OfflineReason; text: string; certificateNoMasked?: string; listIssuedAt?: number };

// ---- base64url and UTF-8 without platform APIs ----------------------------------------------

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const INDEX: Record<string, number> = {};
for (let i = 0; i < ALPHABET.length; i++) INDEX[ALPHABET[i]] = i;
const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Canonical unpadded base64url only (RFC 7515 §2), as the server's parser (qr/jws.ts): a length of
 * 4k+1 is impossible and the unused low bits of the last character must be zero, so one token has
 * one spelling.
 */
export function base64urlDecode(s: string): Uint8Array | null {
  if (!B64URL.test(s) || s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    acc = (acc << 6) | INDEX[s[i]];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
    acc &= (1 << bits) - 1;
  }
  if (acc !== 0) return null;
  return out;
}

function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** Strict UTF-8 (an invalid sequence → null): decodeURIComponent refuses what TextDecoder's fatal mode does. */
function utf8(bytes: Uint8Array): string | null {
  let s = '';
  let escaped = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    // ASCII as is, except '%' itself; every other byte as %hh for decodeURIComponent to join
    if (b < 0x80 && b !== 0x25) s += String.fromCharCode(b);
    else {
      s += `%${b.toString(16).padStart(2, '0')}`;
      escaped = true;
    }
  }
  if (!escaped) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

function jsonOf(part: Uint8Array): Record<string, unknown> | null {
  const text = utf8(part);
  if (text === null) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

interface Jws {
  header: { alg: string; kid: string };
  claims: Record<string, unknown>;
  signingInput: Uint8Array;
  signature: Uint8Array;
}

/** A compact JWS with our header `{alg, kid}`; nothing in it is trusted yet. */
function parseJws(token: string, maxLength: number): Jws | null {
  if (typeof token !== 'string' || token.length > maxLength) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts.map(base64urlDecode);
  if (!h || !p || !s) return null;
  const header = jsonOf(h);
  const claims = jsonOf(p);
  // RFC 7515 §4.1.11: a `crit` we do not understand makes the JWS invalid; we understand none.
  if (!header || !claims || 'crit' in header) return null;
  if (typeof header.alg !== 'string' || typeof header.kid !== 'string') return null;
  return { header: { alg: header.alg, kid: header.kid }, claims, signingInput: ascii(`${parts[0]}.${parts[1]}`), signature: s };
}

// ---- signatures -----------------------------------------------------------------------------

/** EdDSA with Ed25519 (RFC 8037 OKP key), strict RFC 8032 checks (no ZIP-215 leniency: s < L, canonical points). */
export const ed25519Check: SignatureCheck = (alg, key, signingInput, signature) => {
  if (alg !== 'EdDSA' || key.kty !== 'OKP' || key.crv !== 'Ed25519') return null;
  const x = typeof key.x === 'string' ? base64urlDecode(key.x) : null;
  if (!x || x.length !== 32 || signature.length !== 64) return false;
  try {
    return ed25519.verify(signature, signingInput, x, { zip215: false });
  } catch {
    return false;
  }
};

type Checked = { ok: true; jws: Jws } | { ok: false; reason: 'unknown_key' | 'bad_signature' | 'unsupported_alg' };

function checkSignature(jws: Jws, jwks: Jwks, check: SignatureCheck): Checked {
  const key = Array.isArray(jwks?.keys) ? jwks.keys.find((k) => k && k.kid === jws.header.kid) : undefined;
  if (!key) return { ok: false, reason: 'unknown_key' };
  // The header's alg must be the key's: a token never picks how it is checked (alg confusion).
  if (key.alg !== jws.header.alg) return { ok: false, reason: 'bad_signature' };
  const verdict = check(key.alg, key, jws.signingInput, jws.signature);
  if (verdict === null) return { ok: false, reason: 'unsupported_alg' };
  return verdict ? { ok: true, jws } : { ok: false, reason: 'bad_signature' };
}

// ---- the list -------------------------------------------------------------------------------

function pairs(v: unknown): Array<[string, number]> | null {
  if (!Array.isArray(v)) return null;
  const out: Array<[string, number]> = [];
  for (const e of v) {
    if (!Array.isArray(e) || e.length !== 2 || typeof e[0] !== 'string' || !isInt(e[1]) || e[1] < 1) return null;
    out.push([e[0], e[1]]);
  }
  return out;
}

/**
 * The list's claims when it is ours (signed by a key of `jwks`, of the list's form). Its expiry is
 * the caller's to judge (`now ≤ exp`); the scanner keeps a list only if this passes.
 */
export function readRevocationList(
  list: string,
  jwks: Jwks,
  check: SignatureCheck = ed25519Check,
): { ok: true; claims: RevocationListClaims } | { ok: false; reason: 'list_invalid' | 'unsupported_alg' } {
  const jws = parseJws(list, MAX_LIST_LENGTH);
  if (!jws) return { ok: false, reason: 'list_invalid' };
  const signed = checkSignature(jws, jwks, check);
  if (!signed.ok) return { ok: false, reason: signed.reason === 'unsupported_alg' ? 'unsupported_alg' : 'list_invalid' };
  const c = jws.claims;
  const sup = pairs(c.sup);
  const rev = pairs(c.rev);
  if (c.sub !== 'revocations' || !isInt(c.iat) || !isInt(c.exp) || c.exp <= c.iat || !isInt(c.n) || !sup || !rev) return { ok: false, reason: 'list_invalid' };
  return { ok: true, claims: { sub: 'revocations', iat: c.iat, exp: c.exp, n: c.n, sup, rev } };
}

/** 3月10日 10:00 (Beijing), the list's issue time as the verifier reads it. */
export function listTimeText(epochSeconds: number): string {
  const iso = beijingIso(epochSeconds * 1000);
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;
}

/**
 * A certificate number as the verifier sees it offline: city and last four kept, as an ID number in
 * a list (shared/mask.ts maskIdNumber) — 21020420260000017 → 2102*********0017 — enough to compare with
 * the number on the holder's screen without writing down whose it is.
 */
export function maskCertificateNo(certificateNo: string): string {
  return maskIdNumber(certificateNo);
}

// ---- the scan -------------------------------------------------------------------------------

function answer(reason: OfflineReason, extra: { certificateNoMasked?: string; listIssuedAt?: number } = {}): OfflineVerdict {
  return { kind: UNDECIDED.has(reason) ? 'undecided' : 'invalid', reason, text: OFFLINE_REASON_TEXT[reason], ...extra };
}

/**
 * The offline answer for a certificate QR token, with the list and keys kept while online and the
 * device's clock (`now`, epoch ms). Checks in the order of the module comment.
 */
export function verifyOffline(token: string, kept: KeptRevocations | null | undefined, now: number, check: SignatureCheck = ed25519Check): OfflineVerdict {
  if (!kept || typeof kept.list !== 'string' || !kept.jwks) return answer('no_list');
  const read = readRevocationList(kept.list, kept.jwks, check);
  if (!read.ok) return answer(read.reason);
  const list = read.claims;
  const nowS = now / 1000;
  if (nowS > list.exp) return answer('list_expired', { listIssuedAt: list.iat });
  const at = { listIssuedAt: list.iat };

  const jws = parseJws(typeof token === 'string' ? token.trim() : '', MAX_TOKEN_LENGTH);
  const c = jws?.claims;
  if (!jws || !c || typeof c.c !== 'string' || !isCertificateNo(c.c) || !isInt(c.v) || c.v < 1 || !isInt(c.iat) || !isInt(c.exp) || c.exp <= c.iat) {
    return answer('malformed', at);
  }
  const signed = checkSignature(jws, kept.jwks, check);
  if (!signed.ok) return answer(signed.reason, at);
  // Only now is the number ours to show.
  const shown = { ...at, certificateNoMasked: maskCertificateNo(c.c) };
  if (nowS > c.exp + OFFLINE_CLOCK_SKEW_SECONDS) return answer('expired', shown);
  // 大人社规发〔2025〕2号 一(四) 补发: versions 1…n of the number are void
  const superseded = list.sup.find(([no]) => no === c.c);
  if (superseded && superseded[1] >= c.v) return answer('superseded', shown);
  const revoked = list.rev.find(([no]) => no === c.c);
  if (revoked && revoked[1] === c.v) return answer('revoked', shown);
  return { kind: 'valid', certificateNoMasked: shown.certificateNoMasked, listIssuedAt: list.iat, text: `有效（离线核验，吊销列表截至 ${listTimeText(list.iat)}）` };
}
