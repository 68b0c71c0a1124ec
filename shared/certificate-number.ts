/**
 * 《就业创业证》 number format (documented in README "Certificate number"):
 *   RRRRRR YYYY SSSSSS C  — 17 characters
 *   RRRRRR  6-digit 行政区划代码 of the issuing county (the applicant's 常住地, 大人社规发〔2025〕2号 一(二) 就近办理)
 *   YYYY    year of first issue (Beijing time)
 *   SSSSSS  sequence within that county and year, from 000001
 *   C       check character over the 16 digits, ISO 7064 MOD 11-2 (the GB 11643 algorithm), 0–9 or X
 * A 补发 keeps the number and raises the version (大人社规发〔2025〕2号 一(四)): the QR token carries the
 * version, so every code of the old version stops verifying.
 */

import { mod11_2 } from './id-number';

export function formatCertificateNo(region: string, year: number, seq: number): string {
  if (!/^\d{6}$/.test(region)) throw new Error('region must be a 6-digit county code');
  if (seq < 1 || seq > 999999) throw new Error('sequence out of range');
  const body = `${region}${year}${String(seq).padStart(6, '0')}`;
  return body + mod11_2(body);
}

export function isCertificateNo(s: string): boolean {
  return /^\d{16}[\dX]$/.test(s) && mod11_2(s.slice(0, 16)) === s[16];
}
