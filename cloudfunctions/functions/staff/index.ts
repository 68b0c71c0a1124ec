/**
 * CloudBase function `staff`: serves the actions whose `fn` is 'staff' in shared/api.ts, and only
 * those. Its handlers use the store and the QR keys (verifyCertificate) only: no FaceID, no data
 * exchange, no message channels. Environment: QR_SIGNING_KEYS.
 */
import { cloudbaseMain } from '../../adapters/cloudbase.runtime';
import { keysFromEnv } from '../../adapters/keys.env';
import { STAFF_HANDLERS } from '../../core/handlers/staff.registry';

export const main = cloudbaseMain('staff', STAFF_HANDLERS, () => ({ qrKeys: keysFromEnv(process.env) ?? undefined }));
