/** Words staff read for values the cloud sends as codes. */
import type { ApplicationKind, ApplicationStatus } from '@shared/api'

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
  returned: '已退回补正',
  resubmitted: '已补正重新提交',
}

/** Check names as a heading: the one shared table (shared/check-labels.ts). */
export { CHECK_LABELS as CHECK_LABEL } from '@shared/check-labels'
