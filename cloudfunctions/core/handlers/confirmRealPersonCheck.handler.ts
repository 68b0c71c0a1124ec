/**
 * 实人核验 confirmed by the cloud: the provider's result for the check token, then the identity base
 * (name + ID number); the openid is bound to that person only when both agree (core/person-access.ts).
 * A refusal reads or writes nothing of the person.
 */
import { fail, ok } from '@shared/api';
import type { ConfirmAnswer } from '@shared/answers';
import { identityCheck } from '../checks';
import { bindInTx, otherBoundOpenids } from '../person-access';
import { COUNTER_ROUTE } from '../realperson-tokens';
import { defineParsed } from './handler';

export type { ConfirmAnswer };

const BAD_TOKEN = '核验凭据无效，请重新发起本人核验';

export const confirmRealPersonCheck = defineParsed((input) => {
  const raw = input as { checkToken?: unknown; bizToken?: unknown } | null;
  const token = raw?.checkToken ?? raw?.bizToken; // bizToken: the name older clients send
  return typeof token !== 'string' || token.length === 0 || token.length > 128 ? fail('VALIDATION_FAILED', BAD_TOKEN, { checkToken: BAD_TOKEN }) : ok({ checkToken: token });
}, async ({ checkToken }, deps) => {
  const openid = deps.caller.openid!;
  let r;
  try {
    r = await deps.realPerson.confirm(openid, checkToken);
  } catch (err) {
    deps.log?.('realPerson.confirm.error', { error: err instanceof Error ? err.message : String(err) });
    return fail('UNAVAILABLE', `人脸核验结果暂时无法确认，请稍后重新发起。${COUNTER_ROUTE}`);
  }
  if (!r.passed) {
    if (r.refused) return fail('VALIDATION_FAILED', r.detail, { checkToken: r.detail });
    deps.log?.('realPerson.failed', { openid });
    return ok<ConfirmAnswer>({ passed: false, bound: false, detail: r.detail, counterRoute: COUNTER_ROUTE });
  }
  // Both factors: the provider saw this person's face, and the identity base knows this name with this number.
  const identity = await identityCheck(deps.gov, r.idNumber, r.name);
  if (!identity.passed) {
    return ok<ConfirmAnswer>({ passed: true, bound: false, detail: `人脸核验已通过，但${identity.detail.replace(/^身份信息：/, '')}。您仍可提交申请，由工作人员人工审核；如需查看本人的全部记录，请到窗口核验身份。`, counterRoute: COUNTER_ROUTE });
  }
  const personKey = deps.personKey(r.idNumber);
  const others = await otherBoundOpenids(deps, personKey, openid);
  const at = deps.clock.now();
  await deps.store.transaction((tx) => bindInTx(tx, deps, { openid, personKey, name: r.name, at, via: 'face' }, others));
  return ok<ConfirmAnswer>({ passed: true, bound: true, detail: r.detail });
});
