/** Action → handler. Handlers are `(input, deps) => Promise<Result>` (STYLE.md). */
import type { ActionName, Result } from '../../../shared/api';
import type { Deps } from '../deps';
import { applyCertificate } from './applyCertificate.handler';
import { getMyCertificate, getMyProfile, getMyStatus, getProgress, listMyApplications, listMyMessages, whoAmI } from './citizenReads.handler';
import { submitFlexibleEmployment, submitUnemploymentRegistration } from './registration.handler';
import { decideApplication, deregister, exportDeregistrations, getApplicationDetail, listReviewQueue, monthlyStats } from './staff.handler';
import { completeContactTask, listContactTasks, revealContact } from './tasks.handler';
import { confirmRealPersonCheck, startRealPersonCheck } from './realPerson.handler';
import { reissueCertificate, verifyCertificate } from './qr.handler';
import { runScheduler } from './scheduler.handler';
import { recordSubscription } from './subscription.handler';

export type Handler = (input: unknown, deps: Deps) => Promise<Result<unknown>>;

export const HANDLERS: Partial<Record<ActionName, Handler>> = {
  verifyCertificate,
  reissueCertificate,
  applyCertificate,
  getMyCertificate,
  getProgress,
  listMyApplications,
  listMyMessages,
  whoAmI,
  getMyProfile,
  getMyStatus,
  startRealPersonCheck,
  confirmRealPersonCheck,
  submitUnemploymentRegistration,
  submitFlexibleEmployment,
  listReviewQueue,
  getApplicationDetail,
  decideApplication,
  deregister,
  exportDeregistrations,
  monthlyStats,
  listContactTasks,
  revealContact,
  completeContactTask,
  runScheduler,
  recordSubscription,
};
