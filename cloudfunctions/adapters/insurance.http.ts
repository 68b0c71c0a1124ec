/**
 * Production: the 失业保险金 claim to the unemployment-insurance system over HTTPS with a JSON contract
 * (README "Unemployment-insurance handoff"), like the provincial data exchange:
 *   POST {baseUrl}/v1/unemployment-insurance-claims   Authorization: Bearer <token>
 *   body { claimId, name, idType, idNumber, phone?, region, registeredOn }
 *   2xx { "ok": true, "data": { "reference": "…" } }  → handed on
 *   4xx (or ok:false)                                   → refused: not sent again, staff help (retry: false)
 *   5xx, timeout, network error, bad JSON               → sent again on a later scheduler run
 * The claimId (the 失业登记's applicationId) makes a repeated call the same claim there.
 */
import type { InsuranceClaimPort } from '../core/deps';

export interface HttpInsuranceConfig {
  baseUrl: string;
  token?: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export function httpInsuranceClaims(cfg: HttpInsuranceConfig): InsuranceClaimPort {
  const f = cfg.fetchImpl ?? fetch;
  const timeoutMs = cfg.timeoutMs ?? 5000;
  return {
    async submit(claim) {
      const ctrl = new AbortController();
      const timer = setTimeout(() => ctrl.abort(), timeoutMs);
      try {
        const res = await f(`${cfg.baseUrl.replace(/\/$/, '')}/v1/unemployment-insurance-claims`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(cfg.token ? { authorization: `Bearer ${cfg.token}` } : {}) },
          body: JSON.stringify(claim),
          signal: ctrl.signal,
        });
        if (res.status >= 500) return { ok: false, retry: true, reason: `http ${res.status}` };
        if (!res.ok) return { ok: false, retry: false, reason: `http ${res.status}` };
        const body = (await res.json().catch(() => null)) as { ok?: boolean; data?: { reference?: unknown } } | null;
        if (!body) return { ok: false, retry: true, reason: 'bad answer' };
        const reference = body.data?.reference;
        if (body.ok !== true || typeof reference !== 'string' || !reference) return { ok: false, retry: false, reason: 'refused' };
        return { ok: true, reference };
      } catch {
        return { ok: false, retry: true, reason: ctrl.signal.aborted ? 'timeout' : 'error' };
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
