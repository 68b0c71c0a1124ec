/** 谁查看了我的信息 (个人信息保护法 第四十四条): each staff read of the person's records from the audit trail (office, role, time, purpose; staff names masked), each share-code view and each family helper's read. */
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import { beijingIso } from '@shared/dates';
import { maskName } from '@shared/mask';
import { SHARE_PURPOSES, type SharePurposeCode } from '@shared/share';
import type { Deps } from '../deps';
import { officeName } from '../offices';
import { boundPersonKeys } from '../person-access';
import { findRecords } from '../collections';
import type { ReadEntry } from '@shared/answers';
export type { ReadEntry };

/** Why a record was read, in the person's words. */
const PURPOSE: Record<string, string> = {
  getApplicationDetail: '审核您的申请',
  decideApplication: '作出审核决定',
  verifyCertificate: '核验您出示的电子证',
  deregister: '办理注销登记',
  revealContact: '查看联系电话以便联系您（登记后回访）',
  completeContactTask: '记录联系您的结果',
  confirmIdentityAtCounter: '在窗口核验您的身份',
  listMyApplications: '家人代办：查看办理进度',
  getProgress: '家人代办：查看办理进度',
  submitUnemploymentRegistration: '家人代办：代为提交失业登记',
  submitFlexibleEmployment: '家人代办：代为提交灵活就业登记',
  applyCertificate: '家人代办：代为申领电子证',
};

const ROLE_TEXT: Record<string, string> = { verifier: '核验员', reviewer: '审核员', admin: '管理员' };


interface AuditRow { at: number; action: string; personKey?: string; staffOpenid?: string; staffName?: string; staffRegion?: string; staffRole?: string; citizenOpenid?: string; as?: string; onBehalfOf?: string; helperName?: string; result?: string; purpose?: string }

export async function listWhoReadMyData(_input: unknown, deps: Deps): Promise<Result<{ reads: ReadEntry[] }>> {
  const keys = await boundPersonKeys(deps);
  if (keys.length === 0) return ok({ reads: [] });
  const rows = await deps.store.find<AuditRow>('audit', { personKey: { in: keys } }, { orderBy: { field: 'at', direction: 'desc' }, limit: 500 });
  const helpers = new Map<string, string>();
  for (const d of await findRecords(deps.store, 'delegations', { personKey: { in: keys } })) if (d.helperOpenid) helpers.set(d.helperOpenid, d.helperName ?? '');
  const reads: ReadEntry[] = [];
  for (const r of rows) {
    if (r.staffOpenid && r.result !== 'mismatch') {
      const role = r.staffRole ?? (await deps.staffDirectory?.byOpenid(r.staffOpenid))?.role ?? '';
      reads.push({ at: beijingIso(r.at), office: officeName(r.staffRegion), role: ROLE_TEXT[role] ?? '工作人员', who: maskName(r.staffName ?? ''), purpose: PURPOSE[r.action] ?? '办理业务' });
    } else if (r.action === 'viewSharedCertificate') {
      // someone the holder gave a share code to (core/share-codes.ts): who they are is not known, the code's purpose is
      const label = SHARE_PURPOSES[r.purpose as SharePurposeCode]?.label;
      reads.push({ at: beijingIso(r.at), office: '电子证分享码', role: '分享码查看人', who: '凭分享码查看（无需账号）', purpose: label ? `查看您分享的电子证（${label}）` : '查看您分享的电子证' });
    } else if (r.citizenOpenid && (r.as === 'delegate' || r.onBehalfOf) && helpers.has(r.citizenOpenid)) {
      reads.push({ at: beijingIso(r.at), office: '微信小程序', role: '家人代办人', who: maskName(helpers.get(r.citizenOpenid)!), purpose: PURPOSE[r.action] ?? '家人代办' });
    }
  }
  return ok({ reads });
}
