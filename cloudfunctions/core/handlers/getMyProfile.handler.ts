import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import type { Deps } from '../deps';
import { boundPersonKeys } from '../person-access';
import { findRecords } from '../collections';

/**
 * The person fields of the caller's latest submission, to pre-fill the next form (issue "失业登记…"
 * §6). Own records only; the answer is the caller's own data, so nothing is masked — but it never
 * includes another person's.
 */
export async function getMyProfile(_input: unknown, deps: Deps): Promise<Result<{ person: Record<string, unknown> | null }>> {
  const keys = await boundPersonKeys(deps);
  if (keys.length === 0) return ok({ person: null });
  const [latest] = await findRecords(deps.store, 'applications', { personKey: { in: keys }, openid: deps.caller.openid }, { orderBy: { field: 'submittedAt', direction: 'desc' }, limit: 1 });
  if (!latest) return ok({ person: null });
  const PERSON_KEYS = ['name', 'idType', 'idNumber', 'birthDate', 'gender', 'ethnicity', 'politicalStatus', 'education', 'health', 'disabilityLevel', 'hukouAddress', 'residenceAddress', 'phone', 'landline', 'email', 'otherContact', 'qualifications'];
  const person = Object.fromEntries(PERSON_KEYS.filter((k) => latest.person[k] !== undefined).map((k) => [k, latest.person[k]]));
  return ok({ person });
}
