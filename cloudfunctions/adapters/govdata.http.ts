/**
 * Production outside data through the provincial data exchange (省级数据共享交换平台), over HTTPS
 * with a JSON contract (README "Provincial data exchange"):
 *   POST {baseUrl}/v1/{source}   body { "idNumber": "…" }   header Authorization: Bearer <token>
 *   200 { "ok": true, "data": … } — data per source:
 *     pension                → { "receiving": boolean }
 *     social-insurance       → { "record": { "unit", "since" } | null }
 *     contract-filing        → { "record": { "unit", "since" } | null }
 *     business-registration  → { "record": { "name", "since" } | null }
 *     certificate            → { "record": { "certificateNo", "issuingRegion", "issuedOn", "employment"?,
 *                                "unemployment"?, "service"?, "policy"? } | null }   (省就业管理服务信息系统)
 *   anything else (non-2xx, ok:false, bad JSON, slower than timeoutMs) → the source is unavailable,
 *   and the application goes to review with 数据暂不可比对 (docs/product.md), never an error.
 * Identity (name + ID number against the card base) is a separate port in production: Tencent
 * Cloud FaceID IdCardVerification (identity.faceid.ts), composed in `combinedGovData`.
 */
import type { ProvincialCertificate } from '@shared/certificate-entries';
import type { BusinessRecord, GovDataPort, SourceAnswer, UnitRecord } from '../core/deps';

export interface HttpGovConfig {
  baseUrl: string;
  token?: string;
  /** ≤ 2000 ms: 秒办 answers at once (渝人社办〔2020〕79号) */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

const isUnit = (r: unknown): r is UnitRecord => !!r && typeof (r as UnitRecord).unit === 'string' && typeof (r as UnitRecord).since === 'string';
const isProvincialCertificate = (r: unknown): r is ProvincialCertificate =>
  !!r && typeof (r as ProvincialCertificate).certificateNo === 'string' && /^\d{6}$/.test(String((r as ProvincialCertificate).issuingRegion)) && typeof (r as ProvincialCertificate).issuedOn === 'string';
const isBusiness = (r: unknown): r is BusinessRecord => !!r && typeof (r as BusinessRecord).name === 'string' && typeof (r as BusinessRecord).since === 'string';

export function httpGovData(cfg: HttpGovConfig): Omit<GovDataPort, 'identity'> {
  const f = cfg.fetchImpl ?? fetch;
  const timeoutMs = Math.min(cfg.timeoutMs ?? 2000, 2000);
  async function call<T>(source: string, idNumber: string, pick: (data: unknown) => T | undefined): Promise<SourceAnswer<T>> {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    try {
      const res = await f(`${cfg.baseUrl.replace(/\/$/, '')}/v1/${source}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cfg.token ? { authorization: `Bearer ${cfg.token}` } : {}) },
        body: JSON.stringify({ idNumber }),
        signal: ctrl.signal,
      });
      if (!res.ok) return { available: false, reason: `http ${res.status}` };
      const body = (await res.json()) as { ok?: boolean; data?: unknown };
      if (body?.ok !== true) return { available: false, reason: 'not ok' };
      const value = pick(body.data);
      return value === undefined ? { available: false, reason: 'bad answer' } : { available: true, value };
    } catch (err) {
      return { available: false, reason: ctrl.signal.aborted ? 'timeout' : 'error' };
    } finally {
      clearTimeout(timer);
    }
  }
  const record = <T>(guard: (r: unknown) => r is T) => (d: unknown): T | null | undefined => {
    const r = (d as { record?: unknown } | null)?.record;
    if (r === null) return null;
    return guard(r) ? { ...(r as object) } as T : undefined;
  };
  return {
    pension: (id) => call('pension', id, (d) => (typeof (d as { receiving?: unknown })?.receiving === 'boolean' ? { receiving: (d as { receiving: boolean }).receiving } : undefined)),
    socialInsurance: (id) => call('social-insurance', id, record(isUnit)),
    contractFiling: (id) => call('contract-filing', id, record(isUnit)),
    businessRegistration: (id) => call('business-registration', id, record(isBusiness)),
    certificate: (id) => call('certificate', id, record(isProvincialCertificate)),
  };
}
