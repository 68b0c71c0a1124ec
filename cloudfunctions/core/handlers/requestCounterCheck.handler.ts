/**
 * The counter route (窗口核验): where a face check cannot pass — 港澳台 residents with a 居住证 or a
 * 通行证 that WeChat's 人脸核身 does not take, a face that fails, a phone without a camera — staff at a
 * counter confirm the person's identity with the document in front of them, and the person's openid
 * is bound the same way a face check binds it (core/person-access.ts). The 人脸识别技术应用安全管理办法
 * (2025) 第十条 asks for such a route wherever face recognition is not the only possible way.
 *
 * The citizen asks for a code (`requestCounterCheck`) with the identity they claim; staff of that
 * region (`confirmIdentityAtCounter`) type the code and what they read on the document — type,
 * number, name. Only when the document says what the citizen claimed is the openid bound. Audited;
 * the citizen is told; never a staff member's own account.
 */
import { randomInt } from 'node:crypto';
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { ID_TYPES, labelOf } from '@shared/codes';
import { beijingIso } from '@shared/dates';
import { isCountyCode, regionName } from '@shared/regions';
import { ids, type CounterCodeRecord as CounterRecord, type RateCounter } from '../collections';
import { personFields } from '../counter-identity';
import { defineParsed } from './handler';

/** How long a counter code stays usable: time to get to an office. */
export const COUNTER_CODE_TTL_MS = 7 * 24 * 3_600_000;

/** Codes per openid per day. */
export const COUNTER_CODES_PER_DAY = 5;

export const requestCounterCheck = defineParsed((input) => {
  const p = personFields(input);
  const region = (input as { region?: unknown } | null)?.region;
  const fields = p.ok ? {} : { ...p.fields };
  if (!isCountyCode(region)) (fields as Record<string, string>).region = '请选择您要去办理的区（县）';
  if (!p.ok || Object.keys(fields).length) return fail('VALIDATION_FAILED', '请按提示填写后再获取核验码', fields);
  return ok({ name: p.name, idType: p.idType, idNumber: p.idNumber, region: region as string });
}, async ({ region, ...p }, deps): Promise<Result<{ code: string; expiresAt: string; where: string }>> => {
  const openid = deps.caller.openid!;
  const now = deps.clock.now();
  const limitId = ids.rateLimit('counterCode', openid, Math.floor(now / 86_400_000));
  const code = await deps.store.transaction(async (tx) => {
    const c = await tx.get<RateCounter>('counters', limitId);
    if ((c?.n ?? 0) >= COUNTER_CODES_PER_DAY) return null;
    await tx.put('counters', limitId, { n: (c?.n ?? 0) + 1, openid, at: now } satisfies RateCounter);
    for (;;) {
      const candidate = String(randomInt(0, 100_000_000)).padStart(8, '0');
      const rec: CounterRecord = { openid, name: p.name, idType: p.idType, idNumber: p.idNumber, region, at: now, expiresAt: now + COUNTER_CODE_TTL_MS, usedAt: null };
      if (await tx.create('verifications', ids.counterCode(candidate), rec)) return candidate;
    }
  });
  if (!code) return fail('RATE_LIMITED', `今天获取核验码的次数已达 ${COUNTER_CODES_PER_DAY} 次，请明天再试`);
  return ok({
    code, expiresAt: beijingIso(now + COUNTER_CODE_TTL_MS),
    where: `请在 7 天内携带本人${labelOf(ID_TYPES, p.idType)}原件，到${regionName(region) ?? ''}的公共就业服务窗口，把核验码 ${code} 告诉工作人员。`,
  });
});
