/**
 * `getRevocationList` (docs/api.md): the staff scanner's copy of the signed revocation list and the
 * public keys, for verifying with no signal (core/revocations.ts). The same list as
 * `GET /.well-known/revocations`, for the mini-program, which reaches the cloud only through its
 * functions.
 */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { beijingIso } from '@shared/dates';
import type { Deps } from '../deps';
import type { PublishedJwk } from '../qr/token.port';
import { signedRevocations } from '../revocations';
import { QR_UNAVAILABLE } from '../certificate-qr';

export interface RevocationListAnswer {
  /** compact JWS: verify with `jwks`, then read its claims (core/revocations.ts) */
  list: string;
  /** the keys that verify the list and the QR tokens now (= GET /.well-known/jwks.json) */
  jwks: { keys: PublishedJwk[] };
  /** ISO-8601 +08:00 */
  issuedAt: string;
  expiresAt: string;
  /** certificate versions the list voids */
  count: number;
}

export async function getRevocationList(_input: unknown, deps: Deps): Promise<Result<RevocationListAnswer>> {
  const signed = await signedRevocations(deps);
  if (!signed || !deps.qrKeys) return fail('UNAVAILABLE', QR_UNAVAILABLE);
  const jwks = await deps.qrKeys.jwks(deps.clock.now());
  const { claims } = signed;
  return ok({ list: signed.list, jwks, issuedAt: beijingIso(claims.iat * 1000), expiresAt: beijingIso(claims.exp * 1000), count: claims.n });
}
