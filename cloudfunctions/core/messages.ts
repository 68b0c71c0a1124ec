/**
 * Messages to a person are written in the same transaction as the event that causes them, so an
 * event is never recorded without its message nor a message sent for an event that rolled back
 * (人社厅发〔2020〕79号 一(三): 及时反馈办理结果; 吉人社函字〔2018〕175号: 短信告知). The in-app list always gets the message;
 * delivery over subscribe messages / SMS is the scheduler's work, from the outbox entry written
 * here in the same transaction (core/outbox.ts).
 *
 * This is the one place messages are created. A message id may be deterministic (the scheduler's
 * `followup:<applicationId>:<date>`, `services:<applicationId>`): the message is created only
 * once, and its outbox entry with it, so an event processed twice tells the person once.
 */
import type { PushContent, TemplateKey } from '@shared/notify';
import { newOutboxEntry } from './outbox';
import type { MessageRecord } from './records';
import { APPLICATION_KIND_SUBJECT } from '@shared/application-kinds';
import type { MessageEvent } from '@shared/events';
import type { StoreTx } from './store.port';
import { createRecord } from './collections';

export interface NewMessage {
  messageId: string;
  openid: string;
  personKey: string | null;
  event: MessageEvent;
  title: string;
  body: string;
  at: number;
  applicationId?: string;
  /** staff messages (review reminders, escalations) are never sent by SMS; default citizen */
  recipient?: 'citizen' | 'staff';
  /**
   * Held during the quiet hours 22:00–08:00 (shared/notify.ts). Default true for every message,
   * results included: the in-app list has it at once, a phone push can wait until 08:00.
   */
  canWait?: boolean;
  /** overrides of what the push says (subject, outcome, date, note); derived from the event otherwise */
  push?: Partial<PushContent>;
}

const KIND_SUBJECT: Readonly<Record<string, string>> = APPLICATION_KIND_SUBJECT;

/** The 办理结果 phrase of each outcome: at most 5 Chinese characters (WeChat `phrase`). */
const OUTCOME_PHRASE: Record<string, string> = {
  approved: '已通过',
  pending_review: '待审核',
  rejected: '未通过',
  withdrawn: '已撤回',
  deregistered: '已注销',
};

/** What the push of an event says: a result (办理结果通知) or a reminder (服务提醒). */
export function pushContentFor(m: NewMessage): PushContent {
  const [kind, what] = m.event.split('.');
  const reference = m.applicationId;
  let base: PushContent;
  if (KIND_SUBJECT[kind] && OUTCOME_PHRASE[what]) {
    base = { template: 'result', subject: KIND_SUBJECT[kind], outcome: OUTCOME_PHRASE[what], note: m.title, ...(reference ? { reference } : {}) };
  } else {
    base = { template: 'reminder' as TemplateKey, subject: m.title, outcome: '有更新', note: '请在小程序“我的消息”中查看' };
  }
  return { ...base, ...(m.push ?? {}) };
}

/** Writes the message and its outbox entry; false (and nothing written) when the message id exists. */
export async function writeMessageInTx(tx: StoreTx, m: NewMessage): Promise<boolean> {
  const record: MessageRecord = {
    messageId: m.messageId,
    openid: m.openid,
    personKey: m.personKey,
    title: m.title,
    body: m.body,
    createdAt: m.at,
    event: m.event,
    ...(m.applicationId ? { applicationId: m.applicationId } : {}),
  };
  if (!(await createRecord(tx, 'messages', m.messageId, record))) return false;
  const entry = newOutboxEntry({
    messageId: m.messageId, event: m.event, openid: m.openid, recipient: m.recipient ?? 'citizen',
    personKey: m.personKey, applicationId: m.applicationId ?? null, content: pushContentFor(m),
    messageAt: m.at, canWait: m.canWait ?? true,
  }, 'subscribe', m.at);
  await createRecord(tx, 'outbox', entry.entryId, entry);
  return true;
}
