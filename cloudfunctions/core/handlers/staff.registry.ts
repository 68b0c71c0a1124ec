/** The handlers of the CloudBase function `staff` (actions whose `fn` is 'staff' in shared/api.ts). */
import type { HandlerMap } from './handler';
import { decideApplication } from './decideApplication.handler';
import { deregister } from './deregister.handler';
import { exportDeregistrations } from './exportDeregistrations.handler';
import { getApplicationDetail } from './getApplicationDetail.handler';
import { getDeregistrationEvidence } from './getDeregistrationEvidence.handler';
import { listReviewQueue } from './listReviewQueue.handler';
import { monthlyStats } from './monthlyStats.handler';
import { decideHardship } from './decideHardship.handler';
import { listHardshipRequests } from './listHardshipRequests.handler';
import { completeContactTask } from './completeContactTask.handler';
import { getWorkbench } from './getWorkbench.handler';
import { listContactTasks } from './listContactTasks.handler';
import { recordContactAttempt } from './recordContactAttempt.handler';
import { revealContact } from './revealContact.handler';
import { verifyCertificate } from './verifyCertificate.handler';
import { getRevocationList } from './getRevocationList.handler';
import { verifyProof } from './verifyProof.handler';
import { confirmIdentityAtCounter } from './confirmIdentityAtCounter.handler';

export const STAFF_HANDLERS: HandlerMap = {
  verifyCertificate,
  // issue 18: the signed revocation list (getRevocationList.handler.ts)
  getRevocationList,
  // issue 18: the registration proof's QR (verifyProof.handler.ts)
  verifyProof,
  confirmIdentityAtCounter,
  listReviewQueue,
  getApplicationDetail,
  decideApplication,
  deregister,
  exportDeregistrations,
  monthlyStats,
  listContactTasks,
  getWorkbench,
  listHardshipRequests,
  decideHardship,
  revealContact,
  completeContactTask,
  // issue 12 (rules2): the record AJC00A 31/32 rest on
  recordContactAttempt,
  getDeregistrationEvidence,
};
