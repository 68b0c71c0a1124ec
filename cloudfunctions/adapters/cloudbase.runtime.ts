/**
 * The CloudBase composition root: the same handlers as the local gateway, on the cloud database
 * (wx-server-sdk), Tencent Cloud FaceID and the provincial data exchange. Identity comes from the
 * CloudBase context (`getWXContext().OPENID`), never from the event body (docs/api.md).
 * Configuration is environment variables of the function (README "Deploy"):
 *   PERSON_KEY_SECRET      hex, 32 bytes — keyed hash of ID numbers for document ids
 *   TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY — FaceID (and SMS) API keys
 *   WX_APPID / WX_APPSECRET — the mini-program's AppID and AppSecret: WeChat 人脸核身 (realPerson.wechat.ts)
 *   DATA_KEYS              JSON {"current":"<kid>","keys":{"<kid>":"<64 hex>"}} — ID numbers and phones sealed at rest (docs/identity.md)
 *   GOV_EXCHANGE_URL / GOV_EXCHANGE_TOKEN — provincial data exchange
 *   SUBSCRIBE_TMPL_RESULT / SUBSCRIBE_TMPL_REMINDER / MINIPROGRAM_STATE — subscribe messages
 *   SMS_SDK_APP_ID / SMS_SIGN_NAME / SMS_TMPL_RESULT / SMS_TMPL_REMINDER — SMS (optional)
 */
import { createHmac, randomUUID } from 'node:crypto';
// wx-server-sdk is installed by the platform (it is left out of the bundle: see scripts/build-functions.ts).
import cloud from 'wx-server-sdk';
import type { FunctionName } from '../../shared/api';
import { ACTIONS, fail, isActionName } from '../../shared/api';
import type { Caller, Deps } from '../core/deps';
import { makeDispatch } from '../core/dispatch.core';
import type { HandlerMap } from '../core/handlers/handler';
import { logLine } from '../core/log';
import { dataKeysFromJson, sealedStore } from '../core/sealed-store';
import { httpGovData } from './govdata.http';
import { combinedGovData, faceIdIdentity } from './identity.faceid';
import { wechatRealPerson } from './realPerson.wechat';
import { smsConfigFromEnv, tencentSmsChannel } from './sms.tencent';
import { keysFromEnv } from './keys.env';
import { staffFromStore } from './staff.store';
import { cloudbaseSubscribe, subscribeConfigFromEnv, type OpenapiLike } from './subscribe.cloudbase';
import { cloudbaseStore, type CloudbaseDatabase } from './store.cloudbase';

function env(name: string): string {
  const v = process.env[name];
  if (!v) throw new Error(`missing configuration ${name}`);
  return v;
}

export interface CloudEvent {
  action?: string;
  input?: unknown;
  /** set by a timer trigger */
  Type?: string;
  TriggerName?: string;
}

export function cloudbaseMain(fn: FunctionName, handlers: HandlerMap) {
  const dispatch = makeDispatch(handlers);
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });
  // throwOnNotFound:false — a missing doc reads as { data: null } (documented option; not in the SDK's typings)
  const database = cloud.database as unknown as (this: typeof cloud, cfg: object) => unknown;
  // ID numbers and phones sealed at rest with DATA_KEYS (core/sealed-store.ts)
  const store = sealedStore(cloudbaseStore(database.call(cloud, { throwOnNotFound: false }) as CloudbaseDatabase), dataKeysFromJson(env('DATA_KEYS')));
  const clock = { now: () => Date.now() };
  const secret = Buffer.from(env('PERSON_KEY_SECRET'), 'hex');
  const personKey = (idNumber: string) => createHmac('sha256', secret).update(idNumber.toUpperCase()).digest('hex').slice(0, 32);
  const keys = { secretId: env('TENCENTCLOUD_SECRETID'), secretKey: env('TENCENTCLOUD_SECRETKEY') };
  const gov = combinedGovData(faceIdIdentity(keys), httpGovData({ baseUrl: env('GOV_EXCHANGE_URL'), token: process.env.GOV_EXCHANGE_TOKEN }));
  const realPerson = wechatRealPerson({ appId: env('WX_APPID'), appSecret: env('WX_APPSECRET') }, store, clock.now, personKey);
  const staff = staffFromStore(store);
  // QR signing keys come from the secret configuration (QR_SIGNING_KEYS, e.g. from Tencent Cloud SSM): keys.env.ts
  const qrKeys = keysFromEnv(process.env) ?? undefined;
  // outbox delivery (core/outbox.ts): template ids and SMS settings in subscribe.cloudbase.ts / sms.tencent.ts
  const channels = { subscribe: cloudbaseSubscribe(cloud as unknown as OpenapiLike, subscribeConfigFromEnv()), sms: tencentSmsChannel(smsConfigFromEnv()) };

  return async function main(event: CloudEvent) {
    const timer = event.Type === 'Timer';
    const action = timer ? 'runScheduler' : String(event.action ?? '');
    if (!isActionName(action) || ACTIONS[action].fn !== fn) return fail('NOT_FOUND', '没有这项业务，请返回首页重新选择');
    const { OPENID } = cloud.getWXContext();
    const caller: Caller = { openid: OPENID || null, staff: OPENID ? await staff.byOpenid(OPENID) : null };
    const deps: Deps = {
      store, clock, caller, gov, realPerson, personKey, channels, staffDirectory: staff, qrKeys,
      newId: () => randomUUID().replace(/-/g, ''),
      log: (e, fields) => console.log(logLine(e, fields)),
    };
    // runScheduler is "local only" over HTTP; in the cloud only the timer trigger may run it.
    const out = await dispatch(action, timer ? {} : event.input, deps, { local: timer });
    return out.body;
  };
}
