/**
 * The keyed person hash both composition roots use (gateway/local-deps.ts, adapters/cloudbase.runtime.ts):
 * HMAC-SHA256 of the upper-cased ID number under the deployment's secret, 32 hex characters. Document
 * ids and joins carry this, never the number (docs/identity.md "Storage"); the same number gives the
 * same key wherever it is typed (a lower-case `x` check digit included).
 */
import { createHmac } from 'node:crypto';

export function hmacPersonKey(secret: Buffer): (idNumber: string) => string {
  return (idNumber: string) => createHmac('sha256', secret).update(idNumber.toUpperCase()).digest('hex').slice(0, 32);
}
