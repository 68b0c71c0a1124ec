/**
 * Records → what a citizen or staff member reads. Every view masks the holder (docs/product.md
 * "Privacy and security": ID numbers and phones masked in every list, log and QR view).
 */
import type { ApplicationView, CertificateView, RatingView } from '@shared/api';
import type { RegistrationState } from '@shared/registrations';
import { caseNoOf } from '@shared/case-no';
import { beijingIso } from '@shared/dates';
import { maskIdNumber, maskName } from '@shared/mask';
import { contactNoteIn, contactPromiseIn, profileFor } from '@shared/region-profiles';
import { regionName } from '@shared/regions';
import { UNAVAILABLE_DETAIL } from './checks';
import type { ApplicationRecord, CertificateRecord } from './records';
import { handlingOffice } from './offices';

const STATUS_NEXT: Record<ApplicationRecord['status'], string> = {
  approved: '已办结。您可以在“我的电子证”查看电子《就业创业证》。',
  pending_review: '工作人员将在办结时限内完成审核，结果会通过消息通知您；期间无需补交材料。',
  rejected: '未通过。如对结果有疑问，可携带身份证件到就近的公共就业服务机构咨询，或修改信息后重新申请。',
  withdrawn: '申请已撤回。如需办理，可重新提交。',
  returned: '工作人员请您修改部分信息后重新提交，不需要补交任何材料。请在“进度查询”中点“修改后重新提交”。',
  resubmitted: '您已修改并重新提交，请查看新的申请的办理进度。',
};

export function nextStepFor(app: ApplicationRecord): string {
  if (app.status === 'pending_review' && app.dueDate) {
    return `工作人员将在 ${app.dueDate} 前完成审核，结果会通过消息通知您；期间无需补交任何材料。`;
  }
  // 人社厅发〔2020〕79号 一(三): contact within 5 working days after registration
  if (app.status === 'approved' && app.kind === 'unemployment') {
    return `失业登记已办结。${contactPromiseIn(profileFor(app.region).contactWithinDays)}，提供政策、岗位和培训等服务。`;
  }
  if (app.status === 'approved' && app.kind === 'flexible') {
    return '灵活就业登记已办结，您可在“我的电子证”查看就业状态。';
  }
  return STATUS_NEXT[app.status];
}

export function certificateView(cert: CertificateRecord, registration: RegistrationState): CertificateView {
  return {
    certificateNo: cert.certificateNo,
    version: cert.version,
    status: cert.status,
    holderName: maskName(cert.name),
    idNumberMasked: maskIdNumber(cert.idNumber),
    issuedAt: beijingIso(cert.issuedAt),
    issuingRegion: cert.issuingRegion,
    issuingRegionName: regionName(cert.issuingRegion) ?? cert.issuingRegion,
    registrationStatus: registration.status,
    ...(registration.kind ? { registrationKind: registration.kind } : {}),
    ...(cert.entries ? { entries: cert.entries } : {}),
    ...(cert.exchangedFrom ? { exchangedFrom: { ...cert.exchangedFrom, issuingRegionName: regionName(cert.exchangedFrom.issuingRegion) ?? cert.exchangedFrom.issuingRegion } } : {}),
  };
}

export function applicationView(app: ApplicationRecord, cert?: CertificateView): ApplicationView {
  const view: ApplicationView = {
    applicationId: app.applicationId,
    caseNo: caseNoOf(app.kind, app.applicationId, beijingIso(app.submittedAt).slice(0, 10)),
    kind: app.kind,
    status: app.status,
    submittedAt: beijingIso(app.submittedAt),
    checks: app.checks,
    timeline: app.timeline,
    holderName: maskName(app.person.name),
    nextStep: nextStepFor(app),
  };
  if (app.status === 'pending_review' && app.dueDate) {
    view.dueDate = app.dueDate;
    if (app.dueDateUncertain) view.dueDateUncertain = true;
  }
  if (cert) view.certificate = cert;
  // 人社厅发〔2020〕79号 一(三): the first contact after a 失业登记, in the days of the region that registers it
  if (app.kind === 'unemployment' && (app.status === 'pending_review' || app.status === 'approved')) {
    view.contactPromise = contactNoteIn(profileFor(app.region).contactWithinDays);
  }
  if (app.status === 'pending_review' || app.status === 'rejected') {
    const office = handlingOffice(app.region);
    if (office) view.office = office;
  }
  const rating = app.rating as RatingView | undefined;
  if (rating) view.rating = { score: rating.score, ...(rating.comment ? { comment: rating.comment } : {}), at: rating.at };
  const reminders = app.reminders as number[] | undefined;
  if (reminders?.length) view.reminders = reminders.map((t) => beijingIso(t));
  if (app.decision) {
    view.decision = { decision: app.decision.decision, reasonCode: app.decision.reasonCode, note: app.decision.note, at: app.decision.at };
  }
  if (app.status === 'returned' && app.decision?.note) view.returnedFor = app.decision.note;
  if (app.review) view.reviewRequested = true;
  const claim = app.insuranceClaim as ApplicationView['insuranceClaim'] | undefined;
  const hardship = app.hardship as ApplicationView['hardship'] | undefined;
  if (hardship) view.hardship = { status: hardship.status, categories: hardship.categories, ...(hardship.note ? { note: hardship.note } : {}), at: hardship.at };
  if (claim) view.insuranceClaim = { status: claim.status, ...(claim.reference ? { reference: claim.reference } : {}), at: claim.at };
  if (typeof app.correctsApplicationId === 'string') view.correctsApplicationId = app.correctsApplicationId;
  if (typeof app.correctedByApplicationId === 'string') view.correctedByApplicationId = app.correctedByApplicationId;
  return view;
}

/**
 * What the sender of an application sees when they are not bound to the person (the identity base
 * did not match, docs/identity.md): the application exists and is being handled, and nothing that
 * came from the outside data about that person — no employer, no pension, no certificate.
 */
const SENDER_SEES = new Set(['identity', 'realPerson', 'commitment']);

export function senderView(app: ApplicationRecord): ApplicationView {
  const view = applicationView(app);
  // what the sender typed and how it compared is theirs to see; what a source holds about the person is not
  view.checks = app.checks.map((c) => (SENDER_SEES.has(c.name) || c.detail.includes(UNAVAILABLE_DETAIL) ? c : { name: c.name, passed: c.passed, detail: c.passed ? '已核实' : '需工作人员核实' }));
  view.nextStep = app.status === 'approved'
    ? '已办结。为保护个人信息，请本人完成实人核验（或到窗口核验身份）后查看电子证和全部记录。'
    : `${view.nextStep} 您填写的姓名和证件号码还没能核对一致，所以只能查看本次申请；本人核验身份后可查看全部记录。`;
  return view;
}
