/** Action → handler. Handlers are `(input, deps) => Promise<Result>` (STYLE.md). */
import type { ActionName, Result } from '../../../shared/api';
import type { Deps } from '../deps';
import { applyCertificate } from './applyCertificate.handler';
import { getMyCertificate, getProgress, listMyApplications, listMyMessages, whoAmI } from './citizenReads.handler';
import { submitFlexibleEmployment, submitUnemploymentRegistration } from './registration.handler';
import { confirmRealPersonCheck, startRealPersonCheck } from './realPerson.handler';

export type Handler = (input: unknown, deps: Deps) => Promise<Result<unknown>>;

export const HANDLERS: Partial<Record<ActionName, Handler>> = {
  applyCertificate,
  getMyCertificate,
  getProgress,
  listMyApplications,
  listMyMessages,
  whoAmI,
  startRealPersonCheck,
  confirmRealPersonCheck,
  submitUnemploymentRegistration,
  submitFlexibleEmployment,
};
