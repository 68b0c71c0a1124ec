/**
 * Messages to a person are written in the same transaction as the event that causes them, so an
 * event is never recorded without its message nor a message sent for an event that rolled back
 * (seed 004 §一(三): 及时反馈办理结果; seed 003: 短信告知). The in-app list always gets the message;
 * delivery over subscribe messages / SMS is the scheduler's work, from the outbox.
 */
import type { StoreTx } from './store.port';
import type { MessageRecord } from './records';

export interface NewMessage {
  messageId: string;
  openid: string;
  personKey: string | null;
  event: string;
  title: string;
  body: string;
  at: number;
  applicationId?: string;
}

export async function writeMessageInTx(tx: StoreTx, m: NewMessage): Promise<void> {
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
  await tx.put('messages', m.messageId, record);
}
