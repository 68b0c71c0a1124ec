/**
 * What every staff back-office handler shares (docs/product.md "After registration"): the caller as a
 * staff member, and the answers for a record they may not handle. Staff see only their region
 * (行政区划代码 prefix, core/access.ts); a record outside it answers NOT_FOUND, exactly like a record that
 * does not exist, and their own case goes to a colleague (OWN_CASE). Every read of a person's record is
 * audited (core/audit.ts).
 */
import { fail } from '@shared/api';
import { OWN_CASE_MESSAGE } from './access';
import type { Deps, StaffMember } from './deps';

export const NOT_FOUND = '没有找到这条记录，或不在您所辖区域';

/** 注销 and its evidence: no registration of that number in force in the caller's region (absent and elsewhere alike). */
export const NO_ACTIVE_REGISTRATION = '没有查到这个证件号码在您所辖区域内有效的失业登记，请核对证件类型和号码';

export function staffOf(deps: Deps): StaffMember {
  // dispatch lets only staff of the right role reach these handlers
  return deps.caller.staff!;
}

export const OWN_CASE = () => fail('FORBIDDEN', OWN_CASE_MESSAGE);
