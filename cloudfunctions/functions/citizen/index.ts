/** CloudBase function `citizen`: serves the actions whose `fn` is 'citizen' in shared/api.ts, and only those. */
import { cloudbaseMain } from '../../adapters/cloudbase.runtime';
import { CITIZEN_HANDLERS } from '../../core/handlers/citizen.registry';

export const main = cloudbaseMain('citizen', CITIZEN_HANDLERS);
