/**
 * The compact JWS of the offline check (shared/offline-verify.ts): the kept keys' shape, canonical
 * base64url and strict UTF-8 without platform APIs (the mini-program has no TextEncoder or atob), the
 * `{alg, kid}` header, and the signature check — the header's alg must be the key's, Ed25519 by
 * @noble/curves. Nothing here knows what the token or list says; that is offline-verify.ts.
 */
import { ed25519 } from '@noble/curves/ed25519';

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

/**
 * Checks a signature with a public key: true / false, or null when it has no verifier for that
 * algorithm (the answer is then "verify online", never "forged").
 */
export type SignatureCheck = (alg: string, key: PublicJwk, signingInput: Uint8Array, signature: Uint8Array) => boolean | null;

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

export const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

export interface Jws {
  header: { alg: string; kid: string };
  claims: Record<string, unknown>;
  signingInput: Uint8Array;
  signature: Uint8Array;
}

/** A compact JWS with our header `{alg, kid}`; nothing in it is trusted yet. */
export function parseJws(token: string, maxLength: number): Jws | null {
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

export function checkSignature(jws: Jws, jwks: Jwks, check: SignatureCheck): Checked {
  const key = Array.isArray(jwks?.keys) ? jwks.keys.find((k) => k && k.kid === jws.header.kid) : undefined;
  if (!key) return { ok: false, reason: 'unknown_key' };
  // The header's alg must be the key's: a token never picks how it is checked (alg confusion).
  if (key.alg !== jws.header.alg) return { ok: false, reason: 'bad_signature' };
  const verdict = check(key.alg, key, jws.signingInput, jws.signature);
  if (verdict === null) return { ok: false, reason: 'unsupported_alg' };
  return verdict ? { ok: true, jws } : { ok: false, reason: 'bad_signature' };
}
