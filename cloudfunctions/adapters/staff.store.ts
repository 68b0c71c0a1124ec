/**
 * Production staff directory: the `staff` collection of the cloud database, one document per
 * staff openid ({ name, region, role }), maintained by the bureau's administrators. A document
 * with an empty or unknown region or an unknown role is not staff (core/access.ts
 * `validStaffRecord`): a typo in the directory must never mean "sees every region".
 */
import { validStaffRecord } from '../core/access';
import type { StaffDirectoryPort, StaffMember } from '../core/deps';
import type { StorePort } from '../core/store.port';

export function staffFromStore(store: StorePort): StaffDirectoryPort {
  return {
    async byOpenid(openid) {
      return validStaffRecord(await store.get('staff', openid), openid);
    },
    async list() {
      // a bureau's staff are a few hundred documents at most: one read, filtered here
      const rows = await store.find('staff', {}, { limit: 1000 });
      return rows.map((s) => validStaffRecord(s, s._id)).filter((s): s is StaffMember => s !== null);
    },
  };
}
