/** CloudBase function `scheduler`: serves the actions whose `fn` is 'scheduler' in shared/api.ts. */
import { cloudbaseMain } from '../../adapters/cloudbase.runtime';

export const main = cloudbaseMain('scheduler');
