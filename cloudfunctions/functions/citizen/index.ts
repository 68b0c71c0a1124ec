/**
 * CloudBase function `citizen`: serves the actions whose `fn` is 'citizen' in shared/api.ts, and
 * only those, with the adapters they use: WeChat 人脸核身 (实人核验, realPerson.wechat.ts), FaceID
 * (the name + ID number check), the provincial data exchange, the QR signing keys, Tencent Cloud OCR
 * `IDCardOCR` (idCardOcr.tencent.ts; same API keys, OCR_REGION optional). Environment:
 * WX_APPID / WX_APPSECRET, TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY, GOV_EXCHANGE_URL /
 * GOV_EXCHANGE_TOKEN, QR_SIGNING_KEYS.
 */
import { cloudbaseMain, env } from '../../adapters/cloudbase.runtime';
import { httpGovData } from '../../adapters/govdata.http';
import { combinedGovData, faceIdIdentity } from '../../adapters/identity.faceid';
import { idCardOcrConfigFromEnv, tencentIdCardOcr } from '../../adapters/idCardOcr.tencent';
import { keysFromEnv } from '../../adapters/keys.env';
import { wechatRealPerson } from '../../adapters/realPerson.wechat';
import { CITIZEN_HANDLERS } from '../../core/handlers/citizen.registry';

export const main = cloudbaseMain('citizen', CITIZEN_HANDLERS, ({ store, clock, personKey }) => {
  const keys = { secretId: env('TENCENTCLOUD_SECRETID'), secretKey: env('TENCENTCLOUD_SECRETKEY') };
  return {
    gov: combinedGovData(faceIdIdentity(keys), httpGovData({ baseUrl: env('GOV_EXCHANGE_URL'), token: process.env.GOV_EXCHANGE_TOKEN })),
    realPerson: wechatRealPerson({ appId: env('WX_APPID'), appSecret: env('WX_APPSECRET') }, store, clock.now, personKey),
    // QR signing keys from the secret configuration (QR_SIGNING_KEYS, e.g. Tencent Cloud SSM): keys.env.ts
    qrKeys: keysFromEnv(process.env) ?? undefined,
    // 拍照识别身份证: the 人像面 through IDCardOCR; the picture is not kept (core/id-card-ocr.ts)
    idCardOcr: tencentIdCardOcr(idCardOcrConfigFromEnv() ?? keys),
  };
});
