/**
 * The QR of the electronic 《就业创业证》 (docs/product.md flow 6) as the holder's page shows it: a fresh
 * token for a valid certificate (qr/token.port.ts), and the limits its verification shares with the
 * registration proof's (handlers/verifyCertificate.handler.ts, handlers/verifyProof.handler.ts).
 */
import type { CertificateView } from '@shared/api';
import { beijingIso } from '@shared/dates';
import type { Deps } from './deps';
import { claimsFor } from './qr/token.port';
import type { CertificateRecord } from './records';

export const QR_UNAVAILABLE = '电子证服务暂不可用，请稍后再试';
/** Per staff account and clock minute: a scanner at a service window does a few a minute; a
 * script trying forged or harvested codes does thousands. */
export const VERIFY_LIMIT_PER_MINUTE = 60;

/** A fresh token for a valid certificate, for the citizen's certificate page. */
export async function qrForCertificate(cert: CertificateRecord, deps: Deps): Promise<{ qrToken: string; qrExpiresAt: string }> {
  const keys = deps.qrKeys;
  if (!keys) throw new Error('qrKeys not configured');
  const now = deps.clock.now();
  const claims = claimsFor(cert.certificateNo, cert.version, now, keys.ttlSeconds);
  const qrToken = await (await keys.current(now)).sign(claims);
  return { qrToken, qrExpiresAt: beijingIso(claims.exp * 1000) };
}

/** The view plus a QR when one may be shown: only a valid certificate has a code; without keys
 * the page still shows the certificate and says the code is unavailable. */
export async function withQr(cert: CertificateRecord, view: CertificateView, deps: Deps): Promise<CertificateView> {
  if (cert.status !== 'valid' || !deps.qrKeys) return view;
  return { ...view, ...(await qrForCertificate(cert, deps)) };
}
