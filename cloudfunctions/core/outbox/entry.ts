/**
 * One outbox entry: the document a push (subscribe message, SMS) of a message becomes, written in the
 * same transaction as the message (core/messages.ts). Its id `<messageId>:<channel>` is
 * deterministic and created with `tx.create`, so an event written twice cannot enqueue twice
 * (core/outbox.ts "How never doubled holds").
 */
import type { MessageEvent } from '@shared/events';
import type { PushContent } from '@shared/notify';
import { ids } from '../collections';

export type Channel = 'subscribe' | 'sms';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

export interface DeliveryResult {
  /** epoch ms */
  at: number;
  outcome: 'sent' | 'retry' | 'failed' | 'no_consent' | 'no_phone' | 'deferred_quiet_hours' | 'fallback_sms';
  code?: string;
  detail?: string;
}

export interface OutboxEntry {
  [key: string]: unknown;
  entryId: string;
  messageId: string;
  event: MessageEvent;
  channel: Channel;
  openid: string;
  recipient: 'citizen' | 'staff';
  personKey: string | null;
  /** where a citizen's phone is read at delivery time (never copied into the outbox) */
  applicationId: string | null;
  content: PushContent;
  /** epoch ms the message was written (shown as 办理时间) */
  messageAt: number;
  /** held during the quiet hours (shared/notify.ts QUIET_HOURS) */
  canWait: boolean;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: number;
  createdAt: number;
  leaseUntil: number | null;
  claimId: string | null;
  /** a subscribe consent was taken by the current claim */
  consentTaken: boolean;
  results: DeliveryResult[];
  sentAt: number | null;
  providerId: string | null;
  /** what the person ended up with when no push was possible, e.g. `inapp_only` */
  finalNote?: string;
}

/** `<messageId>:<channel>` (core/collections.ts) */
export const outboxId = ids.outbox;

/** Results kept per entry: enough to read a retry story, bounded so a doc cannot grow forever. */
export const MAX_RESULTS = 20;

export interface NewOutboxEntry {
  messageId: string;
  event: MessageEvent;
  openid: string;
  recipient: 'citizen' | 'staff';
  personKey: string | null;
  applicationId: string | null;
  content: PushContent;
  messageAt: number;
  canWait: boolean;
}

export function newOutboxEntry(e: NewOutboxEntry, channel: Channel, at: number): OutboxEntry {
  return {
    ...e,
    entryId: outboxId(e.messageId, channel),
    channel,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: at,
    createdAt: at,
    leaseUntil: null,
    claimId: null,
    consentTaken: false,
    results: [],
    sentAt: null,
    providerId: null,
  };
}

/** The entry's results with `r` added, the oldest dropped past MAX_RESULTS. */
export const withResult = (results: DeliveryResult[], r: DeliveryResult): DeliveryResult[] => [...results, r].slice(-MAX_RESULTS);

export function addResult(entry: OutboxEntry, r: DeliveryResult): void {
  entry.results = withResult(entry.results, r);
}
