/**
 * Compact JWS pieces shared by every signing algorithm and key store: strict parsing of the
 * token a camera read, the claims check, and the key ring logic (which key signs, which keys
 * still verify, what the JWKS publishes). Platform-neutral: jose's base64url, no Node built-ins.
 */
import { base64url, type JWK } from 'jose';
import { isCertificateNo } from '@shared/certificate-number';
import {
  QR_CLOCK_SKEW_SECONDS,
  type JsonVerdict,
  type PublishedJwk,
  type QrClaims,
  type TokenSigner,
  type TokenVerdict,
} from './token.port';

/** One signature algorithm (EdDSA through jose, SM2 through sm-crypto-v2). */
export interface JwsAlgorithm {
  /** the JOSE `alg` header value */
  alg: string;
  /** a fresh private JWK (public members included, no kid) */
  generate(): Promise<JWK>;
  /** the public members of a private JWK */
  publicOf(privateJwk: JWK): JWK;
  /** signs the JWS signing input `base64url(header).base64url(payload)` → raw signature bytes */
  signer(privateJwk: JWK): Promise<(signingInput: Uint8Array) => Promise<Uint8Array>>;
  verifier(publicJwk: JWK): Promise<(signingInput: Uint8Array, signature: Uint8Array) => Promise<boolean>>;
}

/** A key as a store holds it. */
export interface KeyEntry {
  kid: string;
  alg: string;
  /** private JWK; null for a verify-only key */
  privateJwk: JWK | null;
  publicJwk: JWK;
  /** epoch ms after which the key no longer signs (retired); it verifies until notAfter + ttl */
  notAfter: number | null;
}

const MAX_TOKEN_LENGTH = 1024;
const B64URL = /^[A-Za-z0-9_-]+$/;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Canonical base64url only: a re-encoded string must be identical, so one token has one spelling. */
function decodePart(part: string): Uint8Array | null {
  if (!B64URL.test(part)) return null;
  try {
    const bytes = base64url.decode(part);
    return base64url.encode(bytes) === part ? bytes : null;
  } catch {
    return null;
  }
}

function json(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return null;
  }
}

const isInt = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);

export interface ParsedToken {
  header: { alg: string; kid: string };
  claims: QrClaims;
  signingInput: Uint8Array;
  signature: Uint8Array;
}

/** Parses a compact JWS of our shape, or null (→ 'malformed'). Nothing here is trusted yet. */
export function parseToken(token: string): ParsedToken | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts.map(decodePart);
  if (!h || !p || !s) return null;
  const header = json(h) as Record<string, unknown> | null;
  const claims = json(p) as Record<string, unknown> | null;
  if (!header || typeof header !== 'object' || Array.isArray(header)) return null;
  if (typeof header.alg !== 'string' || typeof header.kid !== 'string') return null;
  // RFC 7515 §4.1.11: a `crit` we do not understand makes the token invalid; we understand none.
  if ('crit' in header) return null;
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) return null;
  if (typeof claims.c !== 'string' || !isCertificateNo(claims.c)) return null;
  if (!isInt(claims.v) || claims.v < 1 || !isInt(claims.iat) || !isInt(claims.exp) || claims.exp <= claims.iat) return null;
  return {
    header: { alg: header.alg, kid: header.kid },
    claims: { c: claims.c, v: claims.v, iat: claims.iat, exp: claims.exp },
    signingInput: encoder.encode(`${parts[0]}.${parts[1]}`),
    signature: s,
  };
}

/** The signing side: header and payload in a fixed member order so the token length is predictable. */
export function makeSigner(alg: string, kid: string, sign: (signingInput: Uint8Array) => Promise<Uint8Array>): TokenSigner {
  const head = base64url.encode(JSON.stringify({ alg, kid }));
  return {
    alg,
    kid,
    async sign(c: QrClaims) {
      const body = base64url.encode(JSON.stringify({ c: c.c, v: c.v, iat: c.iat, exp: c.exp }));
      const input = `${head}.${body}`;
      return `${input}.${base64url.encode(await sign(encoder.encode(input)))}`;
    },
    async signJson(claims: Record<string, unknown>) {
      const input = `${head}.${base64url.encode(JSON.stringify(claims))}`;
      return `${input}.${base64url.encode(await sign(encoder.encode(input)))}`;
    },
  };
}

/** A compact JWS of any JSON object with our header (signJson): nothing here is trusted yet. */
export function parseJsonToken(token: string): { header: { alg: string; kid: string }; claims: Record<string, unknown>; signingInput: Uint8Array; signature: Uint8Array } | null {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts.map(decodePart);
  if (!h || !p || !s) return null;
  const header = json(h) as Record<string, unknown> | null;
  const claims = json(p) as Record<string, unknown> | null;
  if (!header || typeof header !== 'object' || Array.isArray(header) || 'crit' in header) return null;
  if (typeof header.alg !== 'string' || typeof header.kid !== 'string') return null;
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) return null;
  return { header: { alg: header.alg, kid: header.kid }, claims, signingInput: encoder.encode(`${parts[0]}.${parts[1]}`), signature: s };
}

/**
 * Which keys sign, which verify, and the checks in the order verifyCertificate reports them:
 * malformed → unknown key → signature → times. Shared by the file and the environment stores so
 * rotation behaves the same locally and in production.
 */
export class KeyRing {
  private signers = new Map<string, Promise<(input: Uint8Array) => Promise<Uint8Array>>>();
  private verifiers = new Map<string, Promise<(input: Uint8Array, sig: Uint8Array) => Promise<boolean>>>();

  constructor(
    private readonly algorithms: Record<string, JwsAlgorithm>,
    readonly ttlSeconds: number,
  ) {}

  algorithm(alg: string): JwsAlgorithm {
    const a = this.algorithms[alg];
    if (!a) throw new Error(`no signing algorithm "${alg}" configured`);
    return a;
  }

  /** A retired key keeps verifying until the last token it signed has expired (plus skew). */
  verifies(e: KeyEntry, now: number): boolean {
    return e.notAfter === null || now <= e.notAfter + (this.ttlSeconds + QR_CLOCK_SKEW_SECONDS) * 1000;
  }

  signs(e: KeyEntry, now: number): boolean {
    return e.privateJwk !== null && (e.notAfter === null || now < e.notAfter);
  }

  signer(e: KeyEntry): TokenSigner {
    if (!e.privateJwk) throw new Error(`key ${e.kid} cannot sign`);
    let s = this.signers.get(e.kid);
    if (!s) {
      s = this.algorithm(e.alg).signer(e.privateJwk);
      this.signers.set(e.kid, s);
    }
    const ready = s;
    return makeSigner(e.alg, e.kid, async (input) => (await ready)(input));
  }

  published(entries: KeyEntry[], now: number): { keys: PublishedJwk[] } {
    return {
      keys: entries.filter((e) => this.verifies(e, now)).map((e) => ({ ...e.publicJwk, kid: e.kid, alg: e.alg, use: 'sig' as const })),
    };
  }

  async verify(entries: KeyEntry[], token: string, now: number): Promise<TokenVerdict> {
    const t = parseToken(token);
    if (!t) return { ok: false, reason: 'malformed' };
    const key = await this.checkSignature(entries, t, now);
    if (typeof key === 'string') return { ok: false, reason: key };
    const nowS = now / 1000;
    if (nowS > t.claims.exp + QR_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'expired', claims: t.claims };
    if (nowS < t.claims.iat - QR_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'not_yet_valid', claims: t.claims };
    return { ok: true, claims: t.claims, kid: key.kid, alg: key.alg };
  }

  /**
   * A signJson token (the registration proof): form, key, signature. Times are the caller's — a
   * proof lives longer than a certificate code; it verifies while the key that signed it is held.
   */
  async verifyJson(entries: KeyEntry[], token: string, now: number): Promise<JsonVerdict> {
    const t = parseJsonToken(token);
    if (!t) return { ok: false, reason: 'malformed' };
    const key = await this.checkSignature(entries, t, now);
    if (typeof key === 'string') return { ok: false, reason: key };
    return { ok: true, claims: t.claims, kid: key.kid, alg: key.alg };
  }

  /** The key that signed a parsed token, held now and of the header's alg, or why not. */
  private async checkSignature(
    entries: KeyEntry[],
    t: { header: { kid: string; alg: string }; signingInput: Uint8Array; signature: Uint8Array },
    now: number,
  ): Promise<KeyEntry | 'unknown_key' | 'bad_signature'> {
    const key = entries.find((e) => e.kid === t.header.kid && this.verifies(e, now));
    if (!key) return 'unknown_key';
    // The header's alg must be the key's: never let a token pick how it is checked (alg confusion).
    if (key.alg !== t.header.alg || !this.algorithms[key.alg]) return 'bad_signature';
    let v = this.verifiers.get(key.kid);
    if (!v) {
      v = this.algorithm(key.alg).verifier(key.publicJwk);
      this.verifiers.set(key.kid, v);
    }
    return (await (await v)(t.signingInput, t.signature)) ? key : 'bad_signature';
  }

  /** Forget cached crypto for keys that were dropped. */
  forget(kid: string): void {
    this.signers.delete(kid);
    this.verifiers.delete(kid);
  }
}

/** 3 base64url characters = 18 random bits; callers re-draw on a clash with any kid ever used. */
export function newKid(taken: (kid: string) => boolean): string {
  for (;;) {
    const bytes = new Uint8Array(3);
    globalThis.crypto.getRandomValues(bytes);
    const kid = base64url.encode(bytes).slice(0, 3);
    if (!taken(kid)) return kid;
  }
}
