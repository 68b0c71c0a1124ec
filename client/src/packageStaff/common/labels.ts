/** Words staff read for values the cloud sends as codes. */
import type { ApplicationKind, ApplicationStatus } from '../../../../shared/api'

export const KIND_LABEL: Record<ApplicationKind, string> = {
  certificate: '申领《就业创业证》',
  unemployment: '失业登记',
  flexible: '灵活就业登记',
}

export const STATUS_LABEL: Record<ApplicationStatus, string> = {
  pending_review: '待审核',
  approved: '已通过',
  rejected: '未通过',
  withdrawn: '已撤回',
}

/** Check names (shared/api.ts Check.name) as a heading. */
export const CHECK_LABEL: Record<string, string> = {
  realPerson: '实人核验',
  identity: '身份信息',
  pension: '养老保险待遇',
  socialInsurance: '单位参保',
  contractFiling: '劳动用工备案',
  businessRegistration: '工商登记',
  duplicate: '重复登记',
  commitment: '书面承诺',
  age: '年龄',
}
