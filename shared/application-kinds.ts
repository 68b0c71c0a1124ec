/**
 * What a person calls each service, in one table used by the cloud, the citizen pages and the staff
 * pages. Two wordings, each for its place in a sentence:
 * - `label`: the service as an act to do — a heading, 办理事项, a list badge, a quoted name
 *   (“申领《就业创业证》”), the service guide;
 * - `subject`: the service as the thing a sentence is about — “您的《就业创业证》申领已办结”, the
 *   业务名称 of a push, a staff reminder “待审核申请即将到期：《就业创业证》申领”.
 * The two differ only for the 《就业创业证》, whose act (申领) reads before the document and whose
 * noun (the 申领) after it.
 */
import type { ApplicationKind } from './api';

export interface ApplicationKindWords {
  label: string;
  subject: string;
}

export const APPLICATION_KIND_WORDS: Readonly<Record<ApplicationKind, ApplicationKindWords>> = Object.freeze({
  certificate: { label: '申领《就业创业证》', subject: '《就业创业证》申领' },
  unemployment: { label: '失业登记', subject: '失业登记' },
  flexible: { label: '灵活就业登记', subject: '灵活就业登记' },
});

/** The service as an act: headings, 办理事项, badges. */
export const APPLICATION_KIND_LABEL: Readonly<Record<ApplicationKind, string>> = Object.freeze({
  certificate: APPLICATION_KIND_WORDS.certificate.label,
  unemployment: APPLICATION_KIND_WORDS.unemployment.label,
  flexible: APPLICATION_KIND_WORDS.flexible.label,
});

/** The service as what a sentence is about: “您的…已审核通过”, a push's 业务名称. */
export const APPLICATION_KIND_SUBJECT: Readonly<Record<ApplicationKind, string>> = Object.freeze({
  certificate: APPLICATION_KIND_WORDS.certificate.subject,
  unemployment: APPLICATION_KIND_WORDS.unemployment.subject,
  flexible: APPLICATION_KIND_WORDS.flexible.subject,
});

export function isApplicationKind(kind: unknown): kind is ApplicationKind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(APPLICATION_KIND_WORDS, kind);
}
