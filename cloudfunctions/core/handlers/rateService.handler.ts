/** 政务服务"好差评": the person rates a finished application once (issue 17; core/own-application.ts). */
import type { RatingView, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { beijingIso } from '@shared/dates';
import { readRecord, writeRecord } from '../collections';
import { NOT_FOUND_TEXT, idOf, ownApplication } from '../own-application';
import { defineParsed } from './handler';

const MAX_COMMENT = 200;

/**
 * `rateService {requestId, applicationId, score 1–5, comment}` (政务服务"好差评"): once per finished
 * application (approved or rejected). The same requestId again answers the first rating; another
 * rating of the same application is a CONFLICT naming the one given.
 */
export const rateService = defineParsed((input, deps) => {
  if (!deps.caller.openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const o = (input ?? {}) as { requestId?: unknown; applicationId?: unknown; score?: unknown; comment?: unknown };
  const fields: Record<string, string> = {};
  if (typeof o.requestId !== 'string' || o.requestId.length < 8 || o.requestId.length > 64) fields.requestId = '缺少请求编号，请刷新页面后重试';
  const applicationId = idOf(o);
  if (!applicationId) fields.applicationId = '请提供要评价的申请编号';
  if (typeof o.score !== 'number' || !Number.isInteger(o.score) || o.score < 1 || o.score > 5) fields.score = '请选择1到5颗星';
  const comment = o.comment === undefined || o.comment === null ? '' : o.comment;
  if (typeof comment !== 'string') fields.comment = '评价内容请填写文字';
  else if ([...comment.trim()].length > MAX_COMMENT) fields.comment = `评价内容不超过${MAX_COMMENT}个字`;
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/.test(comment)) fields.comment = '评价内容含有无法识别的字符';
  if (Object.keys(fields).length > 0 || !applicationId || typeof comment !== 'string') return fail('VALIDATION_FAILED', Object.values(fields)[0], fields);
  return ok({ requestId: o.requestId as string, applicationId, score: o.score as RatingView['score'], comment: comment.trim() });
}, async ({ requestId, applicationId, score, comment: text }, deps): Promise<Result<{ rating: RatingView }>> => {
  if (!(await ownApplication(deps, applicationId))) return fail('NOT_FOUND', NOT_FOUND_TEXT);
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const app = await readRecord(tx, 'applications', applicationId);
    if (!app) return fail('NOT_FOUND', NOT_FOUND_TEXT);
    const given = app.rating as (RatingView & { requestId: string }) | undefined;
    if (given) {
      if (given.requestId === requestId) return ok({ rating: { score: given.score, ...(given.comment ? { comment: given.comment } : {}), at: given.at } });
      return fail('CONFLICT', `这件事您已经评价过了（${given.score}星），每件事只能评价一次`);
    }
    if (app.status !== 'approved' && app.status !== 'rejected') return fail('CONFLICT', '办结以后才能评价');
    const rating = { score, ...(text ? { comment: text } : {}), at: beijingIso(now) };
    await writeRecord(tx, 'applications', app.applicationId, { ...app, rating: { ...rating, requestId, ratedAt: now } });
    return ok({ rating });
  });
});
