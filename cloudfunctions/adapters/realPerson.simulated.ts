/**
 * Local 实人核验: a simulation of the face check, not a pass-all. It keeps the same records and the
 * same token rules as the production adapter (core/realperson-tokens.ts: one openid, once, within
 * 10 minutes), so an expired, replayed or foreign token is refused here exactly as in production.
 * What it cannot do is see a face: the outside-data file says whose face checks fail
 * (`"realPerson": "fail"` on a person — every check for that ID number fails), so tests and demos can
 * walk the failure and counter routes (docs/identity.md "Local mode").
 */
import { randomBytes } from 'node:crypto';
import type { RealPersonPort } from '../core/deps';
import { consumeStart, hasRecentPass, recordPass, recordStart, TOKEN_REFUSAL_TEXT } from '../core/realperson-tokens';
import type { StorePort } from '../core/store.port';

export interface SimulatedRealPersonOptions {
  store: StorePort;
  now: () => number;
  personKey: (idNumber: string) => string;
  /** what the outside-data file says of this person's face checks */
  faceOutcome: (idNumber: string) => 'pass' | 'fail';
}

export const SIMULATED_FAIL_DETAIL = '人脸与证件照片比对不一致（本地演示：外部数据文件标记该人员刷脸不通过）';

export function simulatedRealPerson(o: SimulatedRealPersonOptions): RealPersonPort {
  return {
    async start(openid, person) {
      const checkToken = randomBytes(24).toString('base64url');
      await recordStart(o.store, checkToken, { openid, idHash: o.personKey(person.idNumber), name: person.name, idNumber: person.idNumber, at: o.now(), provider: 'simulated' });
      return { mode: 'simulated', checkToken };
    },
    async confirm(openid, checkToken) {
      const now = o.now();
      const taken = await consumeStart(o.store, openid, checkToken, now);
      if (!taken.ok) return { passed: false, detail: TOKEN_REFUSAL_TEXT[taken.reason], refused: taken.reason };
      const { start } = taken;
      if (o.faceOutcome(start.idNumber) === 'fail') return { passed: false, detail: SIMULATED_FAIL_DETAIL };
      await recordPass(o.store, start, checkToken, now);
      return { passed: true, detail: '本地演示环境：人脸核验模拟通过', name: start.name, idNumber: start.idNumber };
    },
    async check(openid, person) {
      const passed = await hasRecentPass(o.store, openid, o.personKey(person.idNumber), person.name, o.now());
      return passed ? { passed, detail: '已通过人脸核验' } : { passed, detail: '未完成本人实人核验' };
    },
  };
}
