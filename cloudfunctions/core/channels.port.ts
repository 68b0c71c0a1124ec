/** The outbox's delivery channels (core/outbox.ts): WeChat subscribe messages and SMS. */
import type { TemplateKey } from '@shared/notify';

/**
 * What a channel answers for one send. `no_consent` is WeChat's 43101 (the person has no
 * subscribe consent left for the template): never retried, the message falls back to SMS.
 * `retryable` says whether the same send may succeed later (busy, timeout, rate limit).
 */
export type SendOutcome =
  | { ok: true; providerId?: string }
  | { ok: false; reason: 'no_consent' | 'invalid_recipient' | 'not_configured' | 'rejected' | 'unavailable'; retryable: boolean; code?: string; detail?: string };

/** Which outbox entry a send belongs to (local logs, provider references). Never personal data. */
export interface SendMeta { entryId: string; messageId: string; event: string }

/** WeChat subscribe messages (wx-server-sdk `openapi.subscribeMessage.send`); one consent tap = one send. */
export interface SubscribeChannel {
  send(m: { openid: string; template: TemplateKey; page: string; data: Record<string, { value: string }>; meta: SendMeta }): Promise<SendOutcome>;
}

/** SMS (Tencent Cloud SendSms with a registered template and its parameters); `phone` is 11 digits, no prefix. */
export interface SmsChannel {
  send(m: { phone: string; template: TemplateKey; params: string[]; meta: SendMeta }): Promise<SendOutcome>;
}

export interface ChannelsPort {
  subscribe: SubscribeChannel;
  sms: SmsChannel;
}
