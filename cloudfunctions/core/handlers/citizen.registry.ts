/** The handlers of the CloudBase function `citizen` (actions whose `fn` is 'citizen' in shared/api.ts). */
import type { HandlerMap } from './handler';
import { getReturnedApplication } from './getReturnedApplication.handler';
import { reportEmployment } from './reportEmployment.handler';
import { requestReview } from './requestReview.handler';
import { updateMyRegistration } from './updateMyRegistration.handler';
import { withdrawApplication } from './withdrawApplication.handler';
import { applyCertificate } from './applyCertificate.handler';
import { getMyCertificate } from './getMyCertificate.handler';
import { getMyProfile } from './getMyProfile.handler';
import { getMyStatus } from './getMyStatus.handler';
import { getProgress } from './getProgress.handler';
import { listMyApplications } from './listMyApplications.handler';
import { listMyMessages } from './listMyMessages.handler';
import { whoAmI } from './whoAmI.handler';
import { submitFlexibleEmployment } from './submitFlexibleEmployment.handler';
import { submitUnemploymentRegistration } from './submitUnemploymentRegistration.handler';
import { confirmRealPersonCheck } from './confirmRealPersonCheck.handler';
import { startRealPersonCheck } from './startRealPersonCheck.handler';
import { reissueCertificate } from './reissueCertificate.handler';
import { createShareCode } from './createShareCode.handler';
import { listShareCodes } from './listShareCodes.handler';
import { revokeShareCode } from './revokeShareCode.handler';
import { viewSharedCertificate } from './viewSharedCertificate.handler';
import { getRegistrationProof } from './getRegistrationProof.handler';
import { getMyReminders } from './getMyReminders.handler';
import { recordSubscription } from './recordSubscription.handler';
import { stopSubscription } from './stopSubscription.handler';
import { getCommitments } from './getCommitments.handler';
import { listOffices } from './listOffices.handler';
import { rateService } from './rateService.handler';
import { remindOffice } from './remindOffice.handler';
import { recognizeIdCard } from './recognizeIdCard.handler';
import { requestCounterCheck } from './requestCounterCheck.handler';
import { acceptDelegationInvite } from './acceptDelegationInvite.handler';
import { createDelegationInvite } from './createDelegationInvite.handler';
import { listDelegations } from './listDelegations.handler';
import { revokeDelegation } from './revokeDelegation.handler';
import { getMyData } from './getMyData.handler';
import { listWhoReadMyData } from './listWhoReadMyData.handler';

export const CITIZEN_HANDLERS: HandlerMap = {
  // after the first answer (人社厅发〔2020〕79号 二(六))
  withdrawApplication,
  getReturnedApplication,
  requestReview,
  reportEmployment,
  updateMyRegistration,
  reissueCertificate,
  applyCertificate,
  getMyCertificate,
  // issue 18: share codes (core/share-codes.ts)
  createShareCode,
  listShareCodes,
  revokeShareCode,
  viewSharedCertificate,
  // issue 18: 失业登记证明 / 就业登记证明 (getRegistrationProof.handler.ts)
  getRegistrationProof,
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
  recordSubscription,
  getMyReminders,
  stopSubscription,
  getCommitments,
  // issue 17: offices, 催办, 好差评
  listOffices,
  remindOffice,
  rateService,
  // issue 17: 拍照识别身份证 (recognizeIdCard.handler.ts)
  recognizeIdCard,
  // identity and personal data (docs/identity.md)
  requestCounterCheck,
  createDelegationInvite,
  acceptDelegationInvite,
  listDelegations,
  revokeDelegation,
  getMyData,
  listWhoReadMyData,
};
