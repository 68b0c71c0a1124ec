/** The caller's role: a citizen, or a staff member with their name and region. */
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import type { Deps } from '../deps';

export async function whoAmI(_input: unknown, deps: Deps): Promise<Result<{ role: 'citizen' | 'verifier' | 'reviewer' | 'admin'; staffName?: string; region?: string }>> {
  const s = deps.caller.staff;
  return ok(s ? { role: s.role, staffName: s.name, region: s.region } : { role: 'citizen' });
}
