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
import { signedRevocations } from '../revocations';
import { QR_UNAVAILABLE } from '../certificate-qr';
import type { RevocationListAnswer } from '@shared/answers';
export type { RevocationListAnswer };

export async function getRevocationList(_input: unknown, deps: Deps): Promise<Result<RevocationListAnswer>> {
  const signed = await signedRevocations(deps);
  if (!signed || !deps.qrKeys) return fail('UNAVAILABLE', QR_UNAVAILABLE);
  const jwks = await deps.qrKeys.jwks(deps.clock.now());
  const { claims } = signed;
  return ok({ list: signed.list, jwks, issuedAt: beijingIso(claims.iat * 1000), expiresAt: beijingIso(claims.exp * 1000), count: claims.n });
}
