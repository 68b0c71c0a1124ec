/**
 * 鞍人社〔2020〕21号 五: the person reports a job or a change themselves; the 失业登记 ends with that AJC00A
 * code as their own declaration, and the region's staff are told. Idempotent by `requestId`.
 */
import { fail, ok } from '@shared/api';
import { SELF_REPORT_LABELS, makeReportEmploymentSchema } from '@shared/after-answer.schema';
import type { ReportEmploymentAnswer } from '@shared/answers';
import { beijingDate, beijingIso } from '@shared/dates';
import { maskName } from '@shared/mask';
import { messageIds } from '../collections';
import { oncePerRequest } from '../idempotency';
import { callersActiveRegistration, endRegistrationInTx } from '../registrations';
import { tellStaffInTx } from '../schedule';
import { schemaPerDay } from '../schema-cache';
import { defineHandler } from './handler';

export type { ReportEmploymentAnswer };

const reportSchema = schemaPerDay(({ today }) => makeReportEmploymentSchema(today));

export const reportEmployment = defineHandler((deps) => reportSchema(beijingDate(deps.clock.now())), async ({ requestId, situation, unit, since }, deps) =>
  oncePerRequest<ReportEmploymentAnswer>(deps, 'reportEmployment', requestId, async (tx, at) => {
    const reg = await callersActiveRegistration(deps, tx, ['unemployment']);
    if (!reg) return fail('CONFLICT', '您目前没有有效的失业登记，无需申报；如已办理灵活就业登记，可在“我的登记”中查看');
    const reasonText = SELF_REPORT_LABELS[situation];
    const note = `本人申报：${reasonText}${unit ? `，${unit}` : ''}，${since} 起`;
    const ended = await endRegistrationInTx(tx, {
      kind: 'unemployment', personKey: reg.personKey, reasonCode: situation, reasonText, note, at,
      // recorded as the person's own declaration, not a staff decision
      by: `self:${deps.caller.openid}`, byName: '本人网上申报', messageId: messageIds.selfReport(reg.registrationId),
    });
    if (!ended) return fail('CONFLICT', '您的失业登记刚刚发生了变化，请刷新后查看');
    await tellStaffInTx(tx, deps, reg.region, {
      id: messageIds.selfReport(reg.registrationId), at, applicationId: reg.applicationId,
      title: '登记失业人员本人申报就业', body: `${maskName(String(reg.person?.name ?? ''))}（登记编号尾号 ${reg.applicationId.slice(-6)}）本人申报：${reasonText}，${since} 起。失业登记已按本人申报注销。`,
    });
    return ok({ registrationId: ended.registrationId, status: 'deregistered' as const, reasonCode: situation, reasonText, endedAt: beijingIso(at) });
  }));
