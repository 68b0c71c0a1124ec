/**
 * Records → what a citizen or staff member reads. Every view masks the holder (docs/product.md
 * "Privacy and security": ID numbers and phones masked in every list, log and QR view).
 */
import type { ApplicationView, CertificateView, RatingView, RegistrationStatus } from '../../shared/api';
import { caseNoOf } from '../../shared/case-no';
import { beijingIso } from '../../shared/dates';
import { maskIdNumber, maskName } from '../../shared/mask';
import { regionName } from '../../shared/regions';
import type { ApplicationRecord, CertificateRecord } from './records';
import { handlingOffice } from './offices';

const STATUS_NEXT: Record<ApplicationRecord['status'], string> = {
  approved: '已办结。您可以在“我的电子证”查看电子《就业创业证》。',
  pending_review: '工作人员将在办结时限内完成审核，结果会通过消息通知您；期间无需补交材料。',
  rejected: '未通过。如对结果有疑问，可携带身份证件到就近的公共就业服务机构咨询，或修改信息后重新申请。',
  withdrawn: '申请已撤回。如需办理，可重新提交。',
};

export function nextStepFor(app: ApplicationRecord): string {
  if (app.status === 'pending_review' && app.dueDate) {
    return `工作人员将在 ${app.dueDate} 前完成审核，结果会通过消息通知您；期间无需补交任何材料。`;
  }
  // 人社厅发〔2020〕79号 一(三): contact within 5 working days after registration
  if (app.status === 'approved' && app.kind === 'unemployment') {
    return '失业登记已办结。工作人员将在5个工作日内与您联系，提供政策、岗位和培训等服务。';
  }
  if (app.status === 'approved' && app.kind === 'flexible') {
    return '灵活就业登记已办结，您可在“我的电子证”查看就业状态。';
  }
  return STATUS_NEXT[app.status];
}

export function certificateView(cert: CertificateRecord, registrationStatus: RegistrationStatus | 'none'): CertificateView {
  return {
    certificateNo: cert.certificateNo,
    version: cert.version,
    status: cert.status,
    holderName: maskName(cert.name),
    idNumberMasked: maskIdNumber(cert.idNumber),
    issuedAt: beijingIso(cert.issuedAt),
    issuingRegion: cert.issuingRegion,
    issuingRegionName: regionName(cert.issuingRegion) ?? cert.issuingRegion,
    registrationStatus,
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
  return view;
}
