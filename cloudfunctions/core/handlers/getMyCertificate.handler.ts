/** The caller's own electronic 《就业创业证》 with a fresh QR while valid (docs/product.md flow 6; core/certificate-qr.ts). */
import type { CertificateView, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import type { Deps } from '../deps';
import { registrationStatusInTx } from '../registrations';
import { boundPersonKeys } from '../person-access';
import { certificateView } from '../views';
import { withQr } from '../certificate-qr';
import { readRecord } from '../collections';

export async function getMyCertificate(_input: unknown, deps: Deps): Promise<Result<CertificateView>> {
  const keys = await boundPersonKeys(deps);
  for (const key of keys) {
    const cert = await readRecord(deps.store, 'certificates', key);
    // a valid certificate carries a fresh QR token (docs/product.md flow 6; core/certificate-qr.ts)
    if (cert) return ok(await withQr(cert, certificateView(cert, await registrationStatusInTx(deps.store, key)), deps));
  }
  return fail('NOT_FOUND', '您还没有电子《就业创业证》，可先申领');
}
