/**
 * The signed revocation list of the electronic 《就业创业证》 (docs/api.md `GET /.well-known/revocations`,
 * `getRevocationList`): what a verifier with no signal needs besides the public keys to answer a scan
 * (docs/product.md flow 6). A QR token proves "we signed this version of this certificate less than
 * two minutes ago"; the list adds "and this version was not voided by a 补发 (大人社规发〔2025〕2号 一(四))
 * nor revoked", as of its own issue time.
 *
 * A compact JWS with the QR key set (qr/token.port.ts `signJson`), so any JOSE library verifies it with
 * `/.well-known/jwks.json` alone (EdDSA; SM2 deployments with an SM2 library, as their QR tokens):
 *   header  {"alg":"EdDSA","kid":"k3x"}
 *   payload {"sub":"revocations","iat":<s>,"exp":<s>,"n":<versions voided>,
 *            "sup":[["<certificate no>",<n>],…],   versions 1…n of that number are superseded by a 补发
 *            "rev":[["<certificate no>",<v>],…]}   version v (its last) is revoked (证件已注销)
 * Compact: one entry per certificate, whatever the number of 补发, sorted by number. The offline rule
 * is the online one (handlers/verifyCertificate.handler.ts), in its order: a token {c, v} with sup[c] ≥ v is
 * superseded; else with rev[c] = v revoked; else valid as of the list's `iat` — and only while
 * now ≤ `exp` (an expired list proves nothing about later 补发).
 */
import type { Deps } from './deps';
import type { CertificateRecord } from './records';
import type { Where } from './store.port';
import { findRecords } from './collections';

/** A list is good for a day: a verifier refreshes it whenever online (docs/product.md flow 6). */
export const REVOCATION_LIST_TTL_SECONDS = 24 * 3600;
/** Rows read per query (CloudBase's cap of one read in a cloud function). */
const PAGE = 1000;

export interface RevocationClaims {
  sub: 'revocations';
  iat: number;
  exp: number;
  /** how many certificate versions the list voids (superseded + revoked) */
  n: number;
  sup: Array<[string, number]>;
  rev: Array<[string, number]>;
}

/** Every certificate matching `where`, in certificate-number order, read a page at a time. */
async function allCertificates(deps: Deps, where: Where): Promise<CertificateRecord[]> {
  const out: CertificateRecord[] = [];
  let after: string | null = null;
  for (;;) {
    const page: CertificateRecord[] = await findRecords(deps.store, 'certificates', { ...where, ...(after ? { certificateNo: { gt: after } } : {}) }, { orderBy: { field: 'certificateNo', direction: 'asc' }, limit: PAGE });
    out.push(...page);
    if (page.length < PAGE) return out;
    after = page[page.length - 1].certificateNo;
  }
}

/** The claims as of `now`: every superseded or revoked version the store holds. */
export async function revocationClaims(deps: Deps, now: number): Promise<RevocationClaims> {
  const sup = new Map<string, number>();
  const rev = new Map<string, number>();
  // a 补发 raised the version: every version below the current one is void
  for (const c of await allCertificates(deps, { version: { gt: 1 } })) sup.set(c.certificateNo, Math.max(sup.get(c.certificateNo) ?? 0, c.version - 1));
  for (const c of await allCertificates(deps, { status: { in: ['revoked', 'superseded'] } })) {
    if (c.status === 'superseded') sup.set(c.certificateNo, Math.max(sup.get(c.certificateNo) ?? 0, c.version));
    else rev.set(c.certificateNo, c.version);
  }
  const byNo = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const supList = [...sup.entries()].sort(byNo);
  const revList = [...rev.entries()].sort(byNo);
  const iat = Math.floor(now / 1000);
  return {
    sub: 'revocations', iat, exp: iat + REVOCATION_LIST_TTL_SECONDS,
    n: supList.reduce((s, [, v]) => s + v, 0) + revList.length,
    sup: supList, rev: revList,
  };
}

export interface SignedRevocations {
  /** the compact JWS */
  list: string;
  claims: RevocationClaims;
}

/** The list signed with the current QR key; null when the deployment has no QR keys. */
export async function signedRevocations(deps: Deps): Promise<SignedRevocations | null> {
  const keys = deps.qrKeys;
  if (!keys) return null;
  const now = deps.clock.now();
  const claims = await revocationClaims(deps, now);
  const list = await (await keys.current(now)).signJson({ ...claims });
  return { list, claims };
}
