/**
 * 电子证照标识 of the electronic 《就业创业证》 in the form of GB/T 36904-2018《电子证照 标识规范》:
 *
 *   1.2.156.3005.2.<证照类型代码>.<证照颁发机构代码>.<流水号>.<版本号>.<校验位>
 *
 * - `1.2.156.3005.2` the 电子证照 root OID;
 * - 证照类型代码: the code the 电子证照目录 assigns to the certificate type (CERTIFICATE_TYPE_CODE below);
 * - 证照颁发机构代码: here the 6-digit 行政区划代码 of the issuing county's 公共就业服务机构 (the number already
 *   names it: shared/certificate-number.ts);
 * - 流水号: the certificate number (17 characters, unique nationwide with its region prefix);
 * - 版本号: three digits, the certificate version (a 补发 raises it, 大人社规发〔2025〕2号 一(四));
 * - 校验位: one character by ISO/IEC 7064 MOD 37,36 (the hybrid system, alphabet 0–9 A–Z, M = 36,
 *   M + 1 = 37; GB/T 17710) over 类型代码 + 颁发机构代码 + 流水号 + 版本号 concatenated, dots left out.
 *
 * Which rule, checked against which examples (certificate-identifier.test.ts holds them):
 * - the MOD 37,36 recursion and its check character: the ISO/IEC 7064 example "A12425GABC1234002" → "M"
 *   and the test vectors of an independent implementation (jacoelho/go-iso7064, modulo37_36_test.go);
 * - what the check covers (the four fields concatenated without the dots, not the root, not the dots):
 *   identifiers published by issuing systems — `1.2.156.3005.2.11100000000013338W011.11430000006122244L
 *   .20230000403.001.U` and `1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0`
 *   both check only that way, as do the generators that build them (check over
 *   typeCode + issuerCode + serial + version).
 *
 * Pure: runs in the mini-program, in H5 and in Node.
 */

export const CERTIFICATE_ID_ROOT = '1.2.156.3005.2';

/**
 * 证照类型代码 of the 《就业创业证》. GB/T 36904 gives it 21 characters: the 统一社会信用代码 (18) of the body
 * that catalogues the type and a 3-digit sequence it assigns. The 电子证照目录 has not assigned one to this
 * service, so the code is all zeros — visibly unassigned, never a real catalogue entry passed off as ours.
 * Replace it with the assigned code when the type is catalogued; identifiers already shown keep checking,
 * the new ones carry the assigned code.
 */
export const CERTIFICATE_TYPE_CODE = '000000000000000000000';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * ISO/IEC 7064 MOD 37,36 check character of `text` (0–9, A–Z; lower case read as upper case).
 * Hybrid system: P₀ = M; for each character Sⱼ = ((Pⱼ₋₁ + value) mod M, 0 read as M); Pⱼ = (2 × Sⱼ)
 * mod (M + 1); the check character c makes (P + c) mod M = 1.
 */
export function mod37_36(text: string): string {
  const M = 36;
  let p = M;
  for (const ch of text.toUpperCase()) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new TypeError(`MOD 37,36 takes 0–9 and A–Z only, not "${ch}"`);
    const s = (p + v) % M || M;
    p = (s * 2) % (M + 1);
  }
  return ALPHABET[(M + 1 - p) % M];
}

export interface CertificateIdParts {
  /** 证照类型代码 (default CERTIFICATE_TYPE_CODE) */
  typeCode?: string;
  /** 证照颁发机构代码: 6-digit 行政区划代码 of the issuing county */
  issuerCode: string;
  /** 流水号: the certificate number */
  serial: string;
  /** certificate version, 1–999 */
  version: number;
}

const FIELD = /^[0-9A-Z]+$/;

/** The 电子证照标识 of one version of a certificate. Throws on parts that cannot form one (a bug). */
export function certificateIdentifier(p: CertificateIdParts): string {
  const typeCode = p.typeCode ?? CERTIFICATE_TYPE_CODE;
  for (const [name, v] of [['typeCode', typeCode], ['issuerCode', p.issuerCode], ['serial', p.serial]] as const) {
    if (typeof v !== 'string' || !FIELD.test(v)) throw new TypeError(`${name} must be 0–9 and A–Z`);
  }
  if (!Number.isInteger(p.version) || p.version < 1 || p.version > 999) throw new RangeError('version must be 1–999');
  const version = String(p.version).padStart(3, '0');
  const check = mod37_36(`${typeCode}${p.issuerCode}${p.serial}${version}`);
  return `${CERTIFICATE_ID_ROOT}.${typeCode}.${p.issuerCode}.${p.serial}.${version}.${check}`;
}

/** The parts of an identifier whose form and check character are right, else null (any 电子证照标识, not only ours). */
export function parseCertificateIdentifier(id: string): { typeCode: string; issuerCode: string; serial: string; version: number } | null {
  if (typeof id !== 'string' || !id.startsWith(`${CERTIFICATE_ID_ROOT}.`)) return null;
  const parts = id.slice(CERTIFICATE_ID_ROOT.length + 1).split('.');
  if (parts.length !== 5) return null;
  const [typeCode, issuerCode, serial, version, check] = parts;
  if (![typeCode, issuerCode, serial].every((f) => FIELD.test(f)) || !/^\d{3}$/.test(version) || !/^[0-9A-Z]$/.test(check)) return null;
  if (mod37_36(`${typeCode}${issuerCode}${serial}${version}`) !== check) return null;
  return { typeCode, issuerCode, serial, version: Number(version) };
}
