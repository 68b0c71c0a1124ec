/**
 * CloudBase function `scheduler` (timer): runs `runScheduler` only, with the outbox's channels —
 * subscribe messages and Tencent Cloud SMS (subscribe.cloudbase.ts / sms.tencent.ts read their
 * template ids and SMS settings from the environment). No FaceID, no data exchange, no QR keys.
 */
import { cloudbaseMain } from '../../adapters/cloudbase.runtime';
import { smsConfigFromEnv, tencentSmsChannel } from '../../adapters/sms.tencent';
import { cloudbaseSubscribe, subscribeConfigFromEnv, type OpenapiLike } from '../../adapters/subscribe.cloudbase';
import { SCHEDULER_HANDLERS } from '../../core/handlers/scheduler.registry';

export const main = cloudbaseMain('scheduler', SCHEDULER_HANDLERS, ({ cloud }) => ({
  channels: { subscribe: cloudbaseSubscribe(cloud as unknown as OpenapiLike, subscribeConfigFromEnv()), sms: tencentSmsChannel(smsConfigFromEnv()) },
}));
