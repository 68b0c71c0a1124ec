/**
 * An application as a citizen reads it, by who they are to it (core/person-access.ts): the person's own
 * (with the certificate's status once approved), a family helper's (代办: the status, never a QR — only
 * getMyCertificate adds one), or the sender's of an application for someone they are not bound to
 * (that application only, redacted).
 */
import type { ApplicationView } from '@shared/api';
import type { Deps } from './deps';
import type { ApplicationRecord } from './records';
import { registrationStatusInTx } from './registrations';
import { applicationView, certificateView, senderView } from './views';
import { readRecord } from './collections';

export async function citizenViewOf(app: ApplicationRecord, deps: Deps, as: 'self' | 'delegate' | 'sender'): Promise<ApplicationView> {
  if (as === 'sender') return senderView(app);
  if (app.status !== 'approved') return applicationView(app);
  const cert = await readRecord(deps.store, 'certificates', app.personKey);
  // a delegate sees the certificate's status, never a QR (the view has none; only getMyCertificate adds one)
  return applicationView(app, cert ? certificateView(cert, await registrationStatusInTx(deps.store, app.personKey)) : undefined);
}
