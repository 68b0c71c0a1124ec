/**
 * Structured log lines with personal data removed (docs/product.md: ID numbers and phones never appear
 * in full in logs). Every value passes `redact`, so a careless field cannot leak a number.
 */
const ID_LIKE = /(?<![0-9A-Za-z])(\d{6})\d{8,11}([\dXx]{1,4})(?![0-9A-Za-z])/g; // 15/18-digit ID numbers
// the same boundary as ID_LIKE: a run of digits inside a longer token (a hex message id) is no phone
const PHONE_LIKE = /(?<![0-9A-Za-z])(1[3-9]\d)\d{4}(\d{4})(?![0-9A-Za-z])/g;

export function redact(value: string): string {
  return value.replace(ID_LIKE, (_m, a: string, b: string) => `${a.slice(0, 3)}***${b.slice(-1)}`).replace(PHONE_LIKE, '$1****$2');
}

export function logLine(event: string, fields: Record<string, unknown>, at = Date.now()): string {
  const safe: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) {
    safe[k] = typeof v === 'string' ? redact(v) : typeof v === 'object' && v !== null ? JSON.parse(redact(JSON.stringify(v))) : v;
  }
  return JSON.stringify({ t: new Date(at).toISOString(), event, ...safe });
}
