/**
 * 实人核验, started by the mini-program and confirmed by the cloud (never on the client's word):
 * `startRealPersonCheck` asks the provider for a check for the person the citizen says they are;
 * the mini-program runs the face check; `confirmRealPersonCheck` asks the provider for the result,
 * then the identity base (name + ID number), and binds the openid to that person only when both
 * agree (core/person-access.ts). A refusal reads or writes nothing of the person.
 */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { normalizeIdNumber } from '@shared/id-number';
import { identityCheck } from '../checks';
import { ids, type RateCounter } from '../collections';
import type { CheckStart, Deps } from '../deps';
import { bindInTx, otherBoundOpenids, bindingOf } from '../person-access';
import type { ConfirmAnswer } from '@shared/answers';
export type { ConfirmAnswer };

/** Check starts per openid per hour: a person needs a few tries; a script trying ID numbers needs thousands. */
export const CHECK_STARTS_PER_HOUR = 10;

/** Where to go when the face check cannot pass (人脸识别技术应用安全管理办法 (2025) 第十条: 提供其他方式). */
export const COUNTER_ROUTE = '如果多次刷脸未通过，或您持港澳台居民居住证、来往内地（大陆）通行证，请携带本人证件到就近的公共就业服务窗口（区、县人力资源和社会保障局或街道、乡镇社区服务中心），由工作人员核验身份后办理：在“本人核验”页面点“到窗口核验”取得核验码，交给工作人员即可。';

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

export async function startRealPersonCheck(input: unknown, deps: Deps): Promise<Result<CheckStart | { mode: 'counter' }>> {
  const { name, idNumber } = (input ?? {}) as { name?: unknown; idNumber?: unknown };
  const fields: Record<string, string> = {};
  if (typeof name !== 'string' || name.trim().length < 2 || name.length > 50) fields.name = '请填写与证件一致的姓名';
  const id = typeof idNumber === 'string' ? normalizeIdNumber('01', idNumber) : null;
  if (!id || !id.ok) fields.idNumber = id && !id.ok ? id.message : '请填写18位居民身份证号码';
  if (Object.keys(fields).length) return fail('VALIDATION_FAILED', '请先填写姓名和身份证号码', fields);
  const openid = deps.caller.openid!;
  if (!(await withinStartLimit(deps, openid, deps.clock.now()))) {
    deps.log?.('realPerson.limited', { openid });
    return fail('RATE_LIMITED', `本人核验发起过于频繁：每个微信账号每小时最多 ${CHECK_STARTS_PER_HOUR} 次，请稍后再试。${COUNTER_ROUTE}`);
  }
  // confirmed at a counter already (the face check cannot pass for them): nothing to scan, the binding stands
  const binding = await bindingOf(deps, openid, deps.personKey((id as { value: string }).value));
  if (binding?.via === 'counter' && binding.name === (name as string).trim()) return ok({ mode: 'counter' as const });
  try {
    return ok(await deps.realPerson.start(openid, { name: (name as string).trim(), idNumber: (id as { value: string }).value }));
  } catch (err) {
    deps.log?.('realPerson.start.error', { error: err instanceof Error ? err.message : String(err) });
    return fail('UNAVAILABLE', `人脸核验服务暂时不可用，请稍后再试。${COUNTER_ROUTE}`);
  }
}

export async function confirmRealPersonCheck(input: unknown, deps: Deps): Promise<Result<ConfirmAnswer>> {
  const raw = input as { checkToken?: unknown; bizToken?: unknown } | null;
  const token = raw?.checkToken ?? raw?.bizToken; // bizToken: the name older clients send
  if (typeof token !== 'string' || token.length === 0 || token.length > 128) return fail('VALIDATION_FAILED', '核验凭据无效，请重新发起本人核验', { checkToken: '核验凭据无效，请重新发起本人核验' });
  const openid = deps.caller.openid!;
  let r;
  try {
    r = await deps.realPerson.confirm(openid, token);
  } catch (err) {
    deps.log?.('realPerson.confirm.error', { error: err instanceof Error ? err.message : String(err) });
    return fail('UNAVAILABLE', `人脸核验结果暂时无法确认，请稍后重新发起。${COUNTER_ROUTE}`);
  }
  if (!r.passed) {
    if (r.refused) return fail('VALIDATION_FAILED', r.detail, { checkToken: r.detail });
    deps.log?.('realPerson.failed', { openid });
    return ok({ passed: false, bound: false, detail: r.detail, counterRoute: COUNTER_ROUTE });
  }
  // Both factors: the provider saw this person's face, and the identity base knows this name with this number.
  const identity = await identityCheck(deps.gov, r.idNumber, r.name);
  if (!identity.passed) {
    return ok({ passed: true, bound: false, detail: `人脸核验已通过，但${identity.detail.replace(/^身份信息：/, '')}。您仍可提交申请，由工作人员人工审核；如需查看本人的全部记录，请到窗口核验身份。`, counterRoute: COUNTER_ROUTE });
  }
  const personKey = deps.personKey(r.idNumber);
  const others = await otherBoundOpenids(deps, personKey, openid);
  const at = deps.clock.now();
  await deps.store.transaction((tx) => bindInTx(tx, deps, { openid, personKey, name: r.name, at, via: 'face' }, others));
  return ok({ passed: true, bound: true, detail: r.detail });
}
