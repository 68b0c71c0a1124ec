/**
 * The unemployment-insurance system on this machine (local gateway): each claim handed on is appended
 * to DATA_DIR/insurance-claims.jsonl, one JSON line, and answered with a reference. A real
 * implementation that can fail as the real one does: while the outside-data file lists
 * `insuranceClaims` in `down`, every claim answers "unavailable, retry" (docs/api.md). The same claimId
 * sent again gets its first reference (the real system is idempotent by claim id too). The line holds
 * the ID number masked: the file is a log of what was sent, read by people.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskIdNumber, maskPhone } from '@shared/mask';
import type { InsuranceClaimPort } from '../core/deps';

export function fileInsuranceClaims(o: { dataDir: string; isDown: () => boolean; now: () => number }): InsuranceClaimPort & { file: string } {
  const file = join(o.dataDir, 'insurance-claims.jsonl');
  const known = (): Map<string, string> => {
    const m = new Map<string, string>();
    if (!existsSync(file)) return m;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      try {
        const r = JSON.parse(line) as { claimId?: string; reference?: string };
        if (r.claimId && r.reference) m.set(r.claimId, r.reference);
      } catch {
        // a torn last line after a crash: ignored, the claim is sent again
      }
    }
    return m;
  };
  return {
    file,
    async submit(claim) {
      if (o.isDown()) return { ok: false, retry: true, reason: 'unavailable' };
      const earlier = known().get(claim.claimId);
      if (earlier) return { ok: true, reference: earlier };
      const reference = `SY${claim.region}${String(o.now()).slice(-8)}`;
      mkdirSync(o.dataDir, { recursive: true });
      appendFileSync(file, `${JSON.stringify({
        claimId: claim.claimId, reference, region: claim.region, registeredOn: claim.registeredOn, name: claim.name,
        idNumber: maskIdNumber(claim.idNumber), ...(claim.phone ? { phone: maskPhone(claim.phone) } : {}), at: new Date(o.now()).toISOString(),
      })}\n`, { mode: 0o600 });
      return { ok: true, reference };
    },
  };
}
