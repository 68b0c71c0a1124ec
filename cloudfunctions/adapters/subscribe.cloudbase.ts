/**
 * WeChat subscribe messages from a cloud function: wx-server-sdk `cloud.openapi.subscribeMessage.send`
 * (cloud call, no access token needed). The function's config.json must grant it:
 * `"permissions": {"openapi": ["subscribeMessage.send"]}` (docs/toolchain.md) — functions/scheduler has it.
 *
 * Configuration (environment of the function):
 *   SUBSCRIBE_TMPL_RESULT    template id of 办理结果通知 (keywords: shared/notify.ts SUBSCRIBE_TEMPLATES.result)
 *   SUBSCRIBE_TMPL_REMINDER  template id of 服务提醒 (SUBSCRIBE_TEMPLATES.reminder)
 *   MINIPROGRAM_STATE        formal (default) | trial | developer — which version the message opens
 *
 * The `cloud` object is passed in (the composition root owns wx-server-sdk), so this file loads
 * without it and its error mapping is testable with a stand-in.
 */
import type { TemplateKey } from '@shared/notify';
import type { SendOutcome, SubscribeChannel } from '../core/deps';

export interface OpenapiLike {
  openapi: {
    subscribeMessage: {
      send(o: { touser: string; templateId: string; page: string; data: Record<string, { value: string }>; miniprogramState: string; lang?: string }): Promise<{ errCode?: number; errMsg?: string }>;
    };
  };
}

export interface SubscribeConfig {
  templateIds: Record<TemplateKey, string>;
  miniprogramState?: 'formal' | 'trial' | 'developer';
}

export function subscribeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SubscribeConfig {
  const state = env.MINIPROGRAM_STATE;
  return {
    templateIds: { result: env.SUBSCRIBE_TMPL_RESULT ?? '', reminder: env.SUBSCRIBE_TMPL_REMINDER ?? '' },
    miniprogramState: state === 'trial' || state === 'developer' ? state : 'formal',
  };
}

/**
 * errCode → outcome. 43101: the user has no consent for this template (or refused) — never
 * retried, the outbox falls back to SMS. 40003/40037/47003/41030: our request is wrong (openid,
 * template id, data, page) — retrying cannot help. -1 (system busy), 45009/45011 (rate limits)
 * and anything unknown: try again later.
 */
export function mapErrCode(errCode: number, errMsg = ''): SendOutcome {
  if (errCode === 0) return { ok: true };
  const code = String(errCode);
  if (errCode === 43101) return { ok: false, reason: 'no_consent', retryable: false, code, detail: errMsg };
  if (errCode === 40003) return { ok: false, reason: 'invalid_recipient', retryable: false, code, detail: errMsg };
  if ([40037, 47003, 41030].includes(errCode)) return { ok: false, reason: 'rejected', retryable: false, code, detail: errMsg };
  return { ok: false, reason: 'unavailable', retryable: true, code, detail: errMsg };
}

export function cloudbaseSubscribe(cloud: OpenapiLike, cfg: SubscribeConfig): SubscribeChannel {
  return {
    async send(m) {
      const templateId = cfg.templateIds[m.template];
      if (!templateId) return { ok: false, reason: 'not_configured', retryable: false, detail: `no template id for ${m.template}` };
      try {
        const res = await cloud.openapi.subscribeMessage.send({
          touser: m.openid, templateId, page: m.page, data: m.data, miniprogramState: cfg.miniprogramState ?? 'formal', lang: 'zh_CN',
        });
        return mapErrCode(res?.errCode ?? 0, res?.errMsg);
      } catch (err) {
        // wx-server-sdk rejects with { errCode, errMsg } for API errors, and with an Error for network failures
        const e = err as { errCode?: unknown; errMsg?: unknown; message?: unknown };
        if (typeof e?.errCode === 'number') return mapErrCode(e.errCode, String(e.errMsg ?? ''));
        return { ok: false, reason: 'unavailable', retryable: true, detail: String(e?.message ?? err) };
      }
    },
  };
}
