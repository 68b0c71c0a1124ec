/**
 * 实人核验 (real-person check). Knowing a name and an ID number is not enough to act for someone
 * (docs/identity.md): a check is started by the cloud for one openid and one claimed person, the
 * person runs the face check in the mini-program, and the cloud confirms the result with the provider
 * (never on the client's word). Production: WeChat 人脸核身 2.0 (getVerifyId → wx.requestFacialVerify
 * → queryVerifyInfo, adapters/realPerson.wechat.ts); locally a simulation that fails for people the
 * outside-data file marks `"realPerson": "fail"` (adapters/realPerson.simulated.ts). Token rules
 * (one openid, once, within 10 minutes) are core/realperson-tokens.ts, shared by both.
 */
import type { TokenRefusal } from './realperson-tokens';

export type CheckStart =
  | { mode: 'simulated'; checkToken: string }
  | { mode: 'wechat'; checkToken: string; verifyId: string };

export type CheckConfirm =
  | { passed: true; detail: string; name: string; idNumber: string }
  | { passed: false; detail: string; refused?: TokenRefusal };

export interface RealPersonPort {
  /** Begin a check for (openid, person); the client runs the face check with what this returns. */
  start(openid: string, person: { name: string; idNumber: string }): Promise<CheckStart>;
  /** Confirm with the provider; on a pass records it for (openid, person) and names the person checked. */
  confirm(openid: string, checkToken: string): Promise<CheckConfirm>;
  /** Whether `openid` passed a face check for this person recently enough to act (PASS_VALID_MS). */
  check(openid: string, person: { name: string; idNumber: string }): Promise<{ passed: boolean; detail: string }>;
}
