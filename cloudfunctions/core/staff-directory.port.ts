/** The staff directory: who is staff, with which role and region (production: the `staff` collection, adapters/staff.store.ts). */
import type { StaffMember } from './caller.port';

export interface StaffDirectoryPort {
  byOpenid(openid: string): Promise<StaffMember | null>;
  /** every active staff member: the scheduler picks a region's reviewers and admins from it */
  list(): Promise<StaffMember[]>;
}
