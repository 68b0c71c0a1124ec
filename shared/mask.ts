/**
 * Masks for every list, log and QR view (docs/product.md "Privacy": ID numbers and phones are masked;
 * 大人社规发〔2025〕2号 四(三) 确保劳动者个人信息和隐私安全; PIPL treats ID numbers as sensitive). Length is preserved so a
 * masked value still looks like what it is.
 */

const DOT = '·';

/**
 * 王建国 → 王*国, 张伟 → 张*, 欧阳娜娜 → 欧**娜. Names with `·` keep their separators and the first and
 * last character: 阿依古丽·买买提 → 阿***·**提. Counts characters, not UTF-16 units (𠀀 is one).
 */
export function maskName(name: string): string {
  if (typeof name !== 'string' || name === '') return '';
  const chars = Array.from(name.trim());
  const letters = chars.map((c, i) => (c === DOT ? -1 : i)).filter((i) => i >= 0);
  if (letters.length === 0) return chars.join('');
  if (letters.length === 1) return chars.map((c) => (c === DOT ? c : '*')).join('');
  const first = letters[0];
  const last = letters[letters.length - 1];
  const keepLast = letters.length >= 3;
  return chars
    .map((c, i) => (c === DOT || i === first || (keepLast && i === last) ? c : '*'))
    .join('');
}

/**
 * 18-digit numbers keep the first 4 and the last 4: 210202199003151255 → 2102**********1255 (the form
 * api.ts `CertificateView.idNumberMasked` shows). The first 4 digits name only the city — enough for staff
 * to see the region — while the county, the birth date and most of the sequence are hidden. Shorter
 * numbers (通行证, 台胞证) keep 1 leading and 2 trailing characters: H12345678 → H******78.
 */
export function maskIdNumber(id: string): string {
  if (typeof id !== 'string' || id === '') return '';
  const s = id.trim();
  const [head, tail] = s.length >= 15 ? [4, 4] : s.length >= 6 ? [1, 2] : [0, 0];
  if (head + tail === 0) return '*'.repeat(s.length);
  return s.slice(0, head) + '*'.repeat(s.length - head - tail) + s.slice(s.length - tail);
}

/** 13812341234 → 138****1234; other lengths keep only the last 4 digits. */
export function maskPhone(phone: string): string {
  if (typeof phone !== 'string' || phone === '') return '';
  const s = phone.trim();
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  if (s.length <= 4) return '*'.repeat(s.length);
  return '*'.repeat(s.length - 4) + s.slice(-4);
}

/** name@example.com → n***@example.com: the mailbox hidden, the provider kept (it identifies no one). */
export function maskEmail(email: string): string {
  if (typeof email !== 'string' || email === '') return '';
  const s = email.trim();
  const at = s.lastIndexOf('@');
  if (at <= 0) return maskFreeText(s);
  return `${Array.from(s.slice(0, at))[0]}***${s.slice(at)}`;
}

/** Free-text contact (微信号, QQ…): the first character and a fixed run of stars, so neither the value nor its length shows. */
export function maskFreeText(text: string): string {
  if (typeof text !== 'string' || text === '') return '';
  const chars = Array.from(text.trim());
  return chars.length <= 1 ? '*' : `${chars[0]}****`;
}

/**
 * Every contact field of a person or form, masked the same way wherever staff read them
 * (手机号码, 固定电话, 电子邮箱, 其他联系方式); the full values only through the audited
 * `revealContact` (docs/security.md "Contact details").
 */
export const CONTACT_FIELDS = ['phone', 'landline', 'email', 'otherContact'] as const;

export function maskContactFields<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = { ...o };
  for (const f of CONTACT_FIELDS) {
    const v = out[f];
    if (v === undefined || v === null || v === '') continue;
    const s = String(v);
    out[f] = f === 'email' ? maskEmail(s) : f === 'otherContact' ? maskFreeText(s) : maskPhone(s);
  }
  return out as T;
}
