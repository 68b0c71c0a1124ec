/**
 * Family help (代办 / 亲情服务, docs/identity.md "Family help"): how long an invitation lasts and how a
 * delegation reads to each side. The records and who may act for whom: core/person-access.ts.
 */
import type { DelegationView } from '@shared/answers';
import { beijingIso } from '@shared/dates';
import { maskName } from '@shared/mask';
import type { DelegationRecord } from './person-access';

/** An invitation is good for 24 hours (个人信息保护法 第十四条: consent to this helper, now). */
export const INVITE_TTL_MS = 24 * 3_600_000;

export const CHECK_FIRST = '请先完成本人实人核验（刷脸或到窗口核验）后再办理家人代办';

const effectiveStatus = (d: DelegationRecord, now: number): DelegationRecord['status'] => (d.status === 'invited' && now > d.expiresAt ? 'expired' : d.status);

/** The delegation as the person or the helper sees it: the other side's name masked. */
export function delegationView(d: DelegationRecord, role: 'person' | 'helper', now: number): DelegationView {
  return {
    delegationId: d.delegationId, role, otherName: maskName((role === 'person' ? d.helperName : d.personName) ?? ''),
    status: effectiveStatus(d, now), createdAt: beijingIso(d.createdAt), expiresAt: beijingIso(d.expiresAt),
    ...(d.acceptedAt ? { acceptedAt: beijingIso(d.acceptedAt) } : {}),
  };
}
