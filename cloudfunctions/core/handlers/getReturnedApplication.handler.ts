/**
 * 退回补正: the caller's own returned application with their answers, so the form opens pre-filled
 * (issue 20). Only while it is `returned`, only to the sender or the person's bound or invited
 * accounts — the same rule as every citizen read. The caller's own data, so nothing is masked.
 */
import { fail, ok } from '@shared/api';
import { returnedQuerySchema } from '@shared/after-answer.schema';
import type { ReturnedApplication } from '@shared/answers';
import { NOT_FOUND_TEXT, applicationActedOn } from '../own-application';
import { applicationView } from '../views';
import { defineHandler } from './handler';
import { answersOf } from '../records';

export type { ReturnedApplication };

export const getReturnedApplication = defineHandler(returnedQuerySchema, async ({ applicationId }, deps) => {
  const app = await applicationActedOn(deps, deps.store, applicationId);
  if (!app) return fail('NOT_FOUND', NOT_FOUND_TEXT);
  if (app.status !== 'returned') {
    return fail('CONFLICT', app.status === 'resubmitted' ? '这条申请已经修改并重新提交过了，请查看新的申请' : '这条申请没有被退回补正，不需要修改后重新提交');
  }
  const view = applicationView(app);
  return ok<ReturnedApplication>({ applicationId: app.applicationId, caseNo: view.caseNo, kind: app.kind, returnedFor: view.returnedFor ?? '', form: answersOf(app) });
});
