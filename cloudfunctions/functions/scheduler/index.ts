/**
 * CloudBase function `scheduler` (timer): runs `runScheduler` only, with the outbox's channels —
 * subscribe messages and Tencent Cloud SMS (subscribe.cloudbase.ts / sms.tencent.ts read their
 * template ids and SMS settings from the environment) — and the 失业保险金 claims to the
 * unemployment-insurance system when UI_CLAIMS_URL is set (adapters/insurance.http.ts; unset → claims
 * wait, queued, and the log says so). No FaceID, no data exchange, no QR keys.
 */
import { cloudbaseMain } from '../../adapters/cloudbase.runtime';
import { smsConfigFromEnv, tencentSmsChannel } from '../../adapters/sms.tencent';
import { cloudbaseSubscribe, subscribeConfigFromEnv, type OpenapiLike } from '../../adapters/subscribe.cloudbase';
import { httpInsuranceClaims } from '../../adapters/insurance.http';
import { SCHEDULER_HANDLERS } from '../../core/handlers/scheduler.registry';

export const main = cloudbaseMain('scheduler', SCHEDULER_HANDLERS, ({ cloud }) => ({
  channels: { subscribe: cloudbaseSubscribe(cloud as unknown as OpenapiLike, subscribeConfigFromEnv()), sms: tencentSmsChannel(smsConfigFromEnv()) },
  ...(process.env.UI_CLAIMS_URL ? { insuranceClaims: httpInsuranceClaims({ baseUrl: process.env.UI_CLAIMS_URL, token: process.env.UI_CLAIMS_TOKEN }) } : {}),
}));
