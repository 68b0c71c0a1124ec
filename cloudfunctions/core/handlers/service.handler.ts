/**
 * What people expect of a government service around an application (issue 17): the offices to call or
 * visit (`listOffices`), a reminder to the office when the review is late (`remindOffice`, 催办), and the
 * 政务服务"好差评" rating of a finished application (`rateService`). A citizen acts only on their own
 * applications: anyone else's answers NOT_FOUND, the same as one that does not exist.
 */
import type { OfficeView, RatingView, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { caseNoOf } from '@shared/case-no';
import { beijingDate, beijingIso, compareDates } from '@shared/dates';
import { maskName } from '@shared/mask';
import { regionPrefixMatches } from '@shared/regions';
import type { Deps } from '../deps';
import { writeMessageInTx } from '../messages';
import { officesFor } from '../offices';
import type { ApplicationRecord } from '../records';
import { nearestStaff } from '../schedule';
import { APPLICATION_KIND_SUBJECT } from '@shared/application-kinds';
import { boundPersonKeys } from '../person-access';
import { messageIds, readRecord, writeRecord } from '../collections';

const NOT_FOUND_TEXT = '没有找到这条申请记录，请核对后再查';

function idOf(input: unknown): string | undefined {
  const id = (input as { applicationId?: unknown } | null)?.applicationId;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
}

async function ownApplication(deps: Deps, applicationId: string): Promise<ApplicationRecord | null> {
  const app = await readRecord(deps.store, 'applications', applicationId);
  if (!app) return null;
  // The person who sent it for themself, bound or not: a sender whose name and number could not be
  // matched is the one whose application waits for staff (and is offered 催办 and 好差评 on it), as
  // getProgress shows it to them.
  if (app.openid === deps.caller.openid && !app.onBehalfOf) return app;
  const keys = await boundPersonKeys(deps);
  return keys.includes(app.personKey) ? app : null;
}

/** `listOffices {region}`: a county code (6 digits) or a city / province prefix (4 or 2 digits). */
export async function listOffices(input: unknown, _deps: Deps): Promise<Result<{ region: string; regionName: string; demo: boolean; offices: OfficeView[] }>> {
  const region = (input as { region?: unknown } | null)?.region;
  if (typeof region !== 'string' || !/^(\d{2}|\d{4}|\d{6})$/.test(region) || !regionPrefixMatches(region, region.padEnd(6, '0'))) {
    return fail('VALIDATION_FAILED', '请选择要查询的地区', { region: '请选择要查询的地区（6位行政区划代码）' });
  }
  return ok(officesFor(region.padEnd(6, '0')));
}

/**
 * `remindOffice {applicationId}` (催办): only for one's own application still waiting for staff after its
 * due date (人社厅发〔2020〕79号 一(三) sets the time limit; the office owes an answer). At most one a day:
 * a second one the same Beijing day answers `alreadyToday` and records nothing. The reminder is kept on
 * the application (`reminders`, `reminded`: the staff queue shows a 催办 badge with its time, the 工作台
 * counts it) and in `audit`, and it reaches the office in the same transaction: an in-app staff message
 * to the region's reviewers (its admins when it has none; never the filer), like the overdue
 * escalations of core/schedule.ts — masked name and 办件编号, no ID number or phone.
 */
export async function remindOffice(input: unknown, deps: Deps): Promise<Result<{ remindedAt: string; alreadyToday: boolean; reminders: number }>> {
  if (!deps.caller.openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const applicationId = idOf(input);
  if (!applicationId) return fail('VALIDATION_FAILED', '请提供要催办的申请编号', { applicationId: '请提供要催办的申请编号' });
  if (!(await ownApplication(deps, applicationId))) return fail('NOT_FOUND', NOT_FOUND_TEXT);
  const now = deps.clock.now();
  const today = beijingDate(now);
  const staff = deps.staffDirectory ? await deps.staffDirectory.list() : [];
  return deps.store.transaction(async (tx) => {
    const app = await readRecord(tx, 'applications', applicationId);
    if (!app) return fail('NOT_FOUND', NOT_FOUND_TEXT);
    if (app.status !== 'pending_review') return fail('CONFLICT', '这件事已经办结，不需要催办');
    if (!app.dueDate || compareDates(today, app.dueDate) <= 0) return fail('CONFLICT', `还没有超过办结期限（${app.dueDate ?? '—'}），到期未办结的可以催办`);
    const reminders = (app.reminders as number[] | undefined) ?? [];
    const last = reminders.at(-1);
    if (last !== undefined && beijingDate(last) === today) return ok({ remindedAt: beijingIso(last), alreadyToday: true, reminders: reminders.length });
    const next = [...reminders, now];
    await writeRecord(tx, 'applications', applicationId, { ...app, reminders: next, reminded: true });
    let recipients = nearestStaff(staff, app.region, 'reviewer');
    if (recipients.length === 0) recipients = nearestStaff(staff, app.region, 'admin');
    // separation of duties: a reminder about a staff member's own case goes to colleagues only
    recipients = recipients.filter((r) => r.openid !== app.openid);
    const what = APPLICATION_KIND_SUBJECT[app.kind] ?? '申请';
    const caseNo = caseNoOf(app.kind, app.applicationId, beijingDate(app.submittedAt));
    for (const r of recipients) {
      await writeMessageInTx(tx, {
        messageId: messageIds.officeRemind(applicationId, today, r.openid), openid: r.openid, personKey: null, recipient: 'staff',
        event: 'review.remind', title: `群众催办：${what}已超期`,
        body: `${what}（申请人 ${maskName(app.person.name)}，办件编号 ${caseNo}）应于 ${app.dueDate} 前办结，本人于 ${beijingIso(now).slice(0, 16).replace('T', ' ')} 催办${next.length > 1 ? `（第${next.length}次）` : ''}。请尽快审核，或与本人联系说明情况。`,
        at: now, applicationId,
        push: { subject: '群众催办', date: app.dueDate ?? undefined, note: `${what}已超期，本人催办` },
      });
    }
    if (recipients.length === 0) deps.log?.('remind.no_staff', { applicationId, region: app.region });
    await writeRecord(tx, 'audit', deps.newId(), { at: now, citizenOpenid: deps.caller.openid, action: 'remindOffice', applicationId, personKey: app.personKey, region: app.region, dueDate: app.dueDate, notified: recipients.length });
    return ok({ remindedAt: beijingIso(now), alreadyToday: false, reminders: next.length });
  });
}

const MAX_COMMENT = 200;

/**
 * `rateService {requestId, applicationId, score 1–5, comment}` (政务服务"好差评"): once per finished
 * application (approved or rejected). The same requestId again answers the first rating; another
 * rating of the same application is a CONFLICT naming the one given.
 */
export async function rateService(input: unknown, deps: Deps): Promise<Result<{ rating: RatingView }>> {
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
  if (Object.keys(fields).length > 0) return fail('VALIDATION_FAILED', Object.values(fields)[0], fields);
  if (!(await ownApplication(deps, applicationId!))) return fail('NOT_FOUND', NOT_FOUND_TEXT);
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    const app = await readRecord(tx, 'applications', applicationId!);
    if (!app) return fail('NOT_FOUND', NOT_FOUND_TEXT);
    const given = app.rating as (RatingView & { requestId: string }) | undefined;
    if (given) {
      if (given.requestId === o.requestId) return ok({ rating: { score: given.score, ...(given.comment ? { comment: given.comment } : {}), at: given.at } });
      return fail('CONFLICT', `这件事您已经评价过了（${given.score}星），每件事只能评价一次`);
    }
    if (app.status !== 'approved' && app.status !== 'rejected') return fail('CONFLICT', '办结以后才能评价');
    const text = (comment as string).trim();
    const rating = { score: o.score as RatingView['score'], ...(text ? { comment: text } : {}), at: beijingIso(now) };
    await writeRecord(tx, 'applications', app.applicationId, { ...app, rating: { ...rating, requestId: o.requestId, ratedAt: now } });
    return ok({ rating });
  });
}
