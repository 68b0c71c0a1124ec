/** CloudBase function `staff`: serves the actions whose `fn` is 'staff' in shared/api.ts. */
import { cloudbaseMain } from '../../adapters/cloudbase.runtime';

export const main = cloudbaseMain('staff');
