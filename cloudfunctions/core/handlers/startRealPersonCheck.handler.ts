/**
 * 实人核验, started by the mini-program and confirmed by the cloud (never on the client's word):
 * `startRealPersonCheck` asks the provider for a check for the person the citizen says they are (name
 * and 居民身份证 number); the mini-program runs the face check; confirmRealPersonCheck.handler.ts
 * binds. A few starts per hour per account; a person confirmed at a counter needs no face check.
 */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { normalizeIdNumber } from '@shared/id-number';
import { ids, type RateCounter } from '../collections';
import type { CheckStart, Deps } from '../deps';
import { bindingOf } from '../person-access';
import { COUNTER_ROUTE } from '../realperson-tokens';
import { defineParsed } from './handler';

/** Check starts per openid per hour: a person needs a few tries; a script trying ID numbers needs thousands. */
export const CHECK_STARTS_PER_HOUR = 10;

async function withinStartLimit(deps: Deps, openid: string, now: number): Promise<boolean> {
  const id = ids.rateLimit('realPersonStart', openid, Math.floor(now / 3_600_000));
  return deps.store.transaction(async (tx) => {
    const c = await tx.get<RateCounter>('counters', id);
    const n = c?.n ?? 0;
    if (n >= CHECK_STARTS_PER_HOUR) return false;
    await tx.put('counters', id, { n: n + 1, openid, at: now } satisfies RateCounter);
    return true;
  });
}

export const startRealPersonCheck = defineParsed((input) => {
  const { name, idNumber } = (input ?? {}) as { name?: unknown; idNumber?: unknown };
  const fields: Record<string, string> = {};
  if (typeof name !== 'string' || name.trim().length < 2 || name.length > 50) fields.name = '请填写与证件一致的姓名';
  const id = typeof idNumber === 'string' ? normalizeIdNumber('01', idNumber) : null;
  if (!id || !id.ok) fields.idNumber = id && !id.ok ? id.message : '请填写18位居民身份证号码';
  if (Object.keys(fields).length || !id?.ok || typeof name !== 'string') return fail('VALIDATION_FAILED', '请先填写姓名和身份证号码', fields);
  return ok({ name: name.trim(), idNumber: id.value });
}, async ({ name, idNumber }, deps): Promise<Result<CheckStart | { mode: 'counter' }>> => {
  const openid = deps.caller.openid!;
  if (!(await withinStartLimit(deps, openid, deps.clock.now()))) {
    deps.log?.('realPerson.limited', { openid });
    return fail('RATE_LIMITED', `本人核验发起过于频繁：每个微信账号每小时最多 ${CHECK_STARTS_PER_HOUR} 次，请稍后再试。${COUNTER_ROUTE}`);
  }
  // confirmed at a counter already (the face check cannot pass for them): nothing to scan, the binding stands
  const binding = await bindingOf(deps, openid, deps.personKey(idNumber));
  if (binding?.via === 'counter' && binding.name === name) return ok({ mode: 'counter' as const });
  try {
    return ok(await deps.realPerson.start(openid, { name, idNumber }));
  } catch (err) {
    deps.log?.('realPerson.start.error', { error: err instanceof Error ? err.message : String(err) });
    return fail('UNAVAILABLE', `人脸核验服务暂时不可用，请稍后再试。${COUNTER_ROUTE}`);
  }
});
