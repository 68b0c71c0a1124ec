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
import { base64urlDecode, checkSignature, ed25519Check, isInt, parseJws, type Jwks, type PublicJwk, type SignatureCheck } from './offline-verify-jws';
import { isCertificateNo } from './certificate-number';
import { beijingIso } from './dates';
import { maskIdNumber } from './mask';

/** Clock skew accepted on a token's `exp` (= cloudfunctions/core/qr/token.port.ts QR_CLOCK_SKEW_SECONDS). */
export const OFFLINE_CLOCK_SKEW_SECONDS = 5;
/** A QR token is ≈ 212 characters (qr/token.port.ts); the list grows with every 补发: one entry ≈ 25 bytes. */
const MAX_TOKEN_LENGTH = 1024;
const MAX_LIST_LENGTH = 4 * 1024 * 1024;

// the JWS layer (keys, base64url, signature check) lives in offline-verify-jws.ts; its public part is this module's too
export { base64urlDecode, ed25519Check, type Jwks, type PublicJwk, type SignatureCheck };

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
