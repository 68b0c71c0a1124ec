/**
 * SMS through Tencent Cloud (tencentcloud-sdk-nodejs-sms, API 2021-01-11 `SendSms`): a registered
 * signature and template, the parameters of shared/notify.ts `smsParams`, one phone per call
 * (吉人社函字〔2018〕175号: 短信通知申请人办理结果; 人社厅发〔2020〕79号 一(三): 通过电话、短信等方式主动联系).
 *
 * Configuration (environment of the function):
 *   TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY  API keys (shared with FaceID)
 *   SMS_SDK_APP_ID      the SMS application (SmsSdkAppId)
 *   SMS_SIGN_NAME       the approved signature text, e.g. 大连市就业服务
 *   SMS_TMPL_RESULT     template id of "您的{1}办理结果：{2}。…"
 *   SMS_TMPL_REMINDER   template id of "您有一条{1}提醒（{2}），…"
 *   SMS_REGION          API region, default ap-guangzhou
 * Missing configuration is not an error at start: the channel answers `not_configured` and the
 * message stays in the in-app list.
 */
import * as tencentSms from 'tencentcloud-sdk-nodejs-sms';
import type { TemplateKey } from '@shared/notify';
import type { SendOutcome, SmsChannel } from '../core/deps';

export interface SmsConfig {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  templateIds: Record<TemplateKey, string>;
  region?: string;
}

/** The part of the SDK client used here (a stand-in in tests). */
export interface SendSmsClient {
  SendSms(req: { PhoneNumberSet: string[]; SmsSdkAppId: string; SignName?: string; TemplateId: string; TemplateParamSet?: string[]; SessionContext?: string }): Promise<{ SendStatusSet?: Array<{ Code?: string; Message?: string; SerialNo?: string }>; RequestId?: string }>;
}

export function smsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmsConfig | null {
  const { TENCENTCLOUD_SECRETID: secretId, TENCENTCLOUD_SECRETKEY: secretKey, SMS_SDK_APP_ID: sdkAppId, SMS_SIGN_NAME: signName } = env;
  if (!secretId || !secretKey || !sdkAppId || !signName) return null;
  return { secretId, secretKey, sdkAppId, signName, templateIds: { result: env.SMS_TMPL_RESULT ?? '', reminder: env.SMS_TMPL_REMINDER ?? '' }, region: env.SMS_REGION };
}

/**
 * SendStatus.Code → outcome. 'Ok' is delivered to the carrier. Limits (frequency, daily) are worth
 * a later try; a wrong number, template or signature is not.
 */
export function mapSendStatus(code: string | undefined, message = ''): SendOutcome {
  if (code === 'Ok') return { ok: true };
  const c = code ?? 'Unknown';
  if (c.startsWith('LimitExceeded')) return { ok: false, reason: 'unavailable', retryable: true, code: c, detail: message };
  if (c.includes('PhoneNumber') || c.startsWith('UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber')) {
    return { ok: false, reason: 'invalid_recipient', retryable: false, code: c, detail: message };
  }
  if (c.startsWith('FailedOperation') || c.startsWith('InvalidParameter') || c.startsWith('UnauthorizedOperation')) {
    return { ok: false, reason: 'rejected', retryable: false, code: c, detail: message };
  }
  return { ok: false, reason: 'unavailable', retryable: true, code: c, detail: message };
}

export function realSmsClient(cfg: SmsConfig): SendSmsClient {
  const Client = tencentSms.sms.v20210111.Client;
  return new Client({
    credential: { secretId: cfg.secretId, secretKey: cfg.secretKey },
    region: cfg.region ?? 'ap-guangzhou',
    profile: { httpProfile: { reqTimeout: 10 } },
  }) as unknown as SendSmsClient;
}

export function tencentSmsChannel(cfg: SmsConfig | null, client?: SendSmsClient): SmsChannel {
  const api = cfg ? client ?? realSmsClient(cfg) : null;
  return {
    async send(m) {
      if (!cfg || !api) return { ok: false, reason: 'not_configured', retryable: false, detail: 'SMS not configured' };
      const templateId = cfg.templateIds[m.template];
      if (!templateId) return { ok: false, reason: 'not_configured', retryable: false, detail: `no SMS template for ${m.template}` };
      try {
        const res = await api.SendSms({
          PhoneNumberSet: [`+86${m.phone}`], SmsSdkAppId: cfg.sdkAppId, SignName: cfg.signName, TemplateId: templateId,
          TemplateParamSet: m.params, SessionContext: m.meta.entryId,
        });
        const status = res.SendStatusSet?.[0];
        const out = mapSendStatus(status?.Code, status?.Message);
        return out.ok ? { ok: true, providerId: status?.SerialNo ?? res.RequestId } : out;
      } catch (err) {
        // SDK errors carry a code (e.g. AuthFailure.*, InternalError.*); network errors do not
        const e = err as { code?: unknown; message?: unknown };
        if (typeof e?.code === 'string') return mapSendStatus(e.code, String(e.message ?? ''));
        return { ok: false, reason: 'unavailable', retryable: true, detail: String(e?.message ?? err) };
      }
    },
  };
}
