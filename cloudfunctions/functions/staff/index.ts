/** CloudBase function `staff`: serves the actions whose `fn` is 'staff' in shared/api.ts, and only those. */
import { cloudbaseMain } from '../../adapters/cloudbase.runtime';
import { STAFF_HANDLERS } from '../../core/handlers/staff.registry';

export const main = cloudbaseMain('staff', STAFF_HANDLERS);
