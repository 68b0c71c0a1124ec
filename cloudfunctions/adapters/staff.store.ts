/**
 * Production staff directory: the `staff` collection of the cloud database, one document per
 * staff openid ({ name, region, role }), maintained by the bureau's administrators.
 */
import type { Role } from '../../shared/api';
import type { StaffDirectoryPort, StaffMember } from '../core/deps';
import type { StorePort } from '../core/store.port';

const ROLES: Role[] = ['verifier', 'reviewer', 'admin'];

export function staffFromStore(store: StorePort): StaffDirectoryPort {
  return {
    async byOpenid(openid) {
      const s = await store.get<{ name?: string; region?: string; role?: Role; active?: boolean }>('staff', openid);
      if (!s || s.active === false || typeof s.region !== 'string' || !ROLES.includes(s.role as Role)) return null;
      const member: StaffMember = { openid, name: String(s.name ?? ''), region: s.region, role: s.role as Role };
      return member;
    },
    async list() {
      // a bureau's staff are a few hundred documents at most: one read, filtered here
      const rows = await store.find<{ name?: string; region?: string; role?: Role; active?: boolean }>('staff', {}, { limit: 1000 });
      return rows
        .filter((s) => s.active !== false && typeof s.region === 'string' && ROLES.includes(s.role as Role))
        .map((s): StaffMember => ({ openid: s._id, name: String(s.name ?? ''), region: s.region as string, role: s.role as Role }));
    },
  };
}
