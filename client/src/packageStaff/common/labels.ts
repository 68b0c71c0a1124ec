/** Words staff read for values the cloud sends as codes. */
import type { ApplicationStatus } from '@shared/api'

/** The services' names: the one table in shared/application-kinds.ts. */
export { APPLICATION_KIND_LABEL as KIND_LABEL } from '@shared/application-kinds'

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
