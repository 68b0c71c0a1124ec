/** CloudBase function `citizen`: serves the actions whose `fn` is 'citizen' in shared/api.ts. */
import { cloudbaseMain } from '../../adapters/cloudbase.runtime';

export const main = cloudbaseMain('citizen');
