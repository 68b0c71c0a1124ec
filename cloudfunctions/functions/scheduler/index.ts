/** CloudBase function `scheduler`: serves the actions whose `fn` is 'scheduler' in shared/api.ts, and only those. */
import { cloudbaseMain } from '../../adapters/cloudbase.runtime';
import { SCHEDULER_HANDLERS } from '../../core/handlers/scheduler.registry';

export const main = cloudbaseMain('scheduler', SCHEDULER_HANDLERS);
