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
import { normalizeIdNumber } from '@shared/id-number';
import { maskIdNumber, maskName } from '@shared/mask';
import { isCountyCode, regionName } from '@shared/regions';
import { staffMaySee } from '../access';
import { ids, writeRecord, type CounterCodeRecord as CounterRecord, type RateCounter } from '../collections';
import type { Deps } from '../deps';
import { writeMessageInTx } from '../messages';
import { bindInTx, otherBoundOpenids } from '../person-access';
import { officeName } from '../offices';

/** How long a counter code stays usable: time to get to an office. */
export const COUNTER_CODE_TTL_MS = 7 * 24 * 3_600_000;
/** Codes per openid per day. */
export const COUNTER_CODES_PER_DAY = 5;

const ID_TYPE_CODES = new Set<string>(ID_TYPES.map((t) => t.code));

function personFields(input: unknown): { ok: true; name: string; idType: string; idNumber: string } | { ok: false; fields: Record<string, string> } {
  const { name, idType, idNumber } = (input ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  if (typeof name !== 'string' || name.trim().length < 2 || name.length > 50) fields.name = '请填写与证件一致的姓名';
  if (typeof idType !== 'string' || !ID_TYPE_CODES.has(idType)) fields.idType = '请选择证件类型';
  const id = typeof idType === 'string' && ID_TYPE_CODES.has(idType) ? normalizeIdNumber(idType, idNumber) : null;
  if (!fields.idType && (!id || !id.ok)) fields.idNumber = id && !id.ok ? id.message : '请填写证件号码';
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, name: (name as string).trim(), idType: idType as string, idNumber: (id as { value: string }).value };
}

export async function requestCounterCheck(input: unknown, deps: Deps): Promise<Result<{ code: string; expiresAt: string; where: string }>> {
  const p = personFields(input);
  const region = (input as { region?: unknown } | null)?.region;
  const fields = p.ok ? {} : { ...p.fields };
  if (!isCountyCode(region)) (fields as Record<string, string>).region = '请选择您要去办理的区（县）';
  if (!p.ok || Object.keys(fields).length) return fail('VALIDATION_FAILED', '请按提示填写后再获取核验码', fields);
  const openid = deps.caller.openid!;
  const now = deps.clock.now();
  const limitId = ids.rateLimit('counterCode', openid, Math.floor(now / 86_400_000));
  const code = await deps.store.transaction(async (tx) => {
    const c = await tx.get<RateCounter>('counters', limitId);
    if ((c?.n ?? 0) >= COUNTER_CODES_PER_DAY) return null;
    await tx.put('counters', limitId, { n: (c?.n ?? 0) + 1, openid, at: now } satisfies RateCounter);
    for (;;) {
      const candidate = String(randomInt(0, 100_000_000)).padStart(8, '0');
      const rec: CounterRecord = { openid, name: p.name, idType: p.idType, idNumber: p.idNumber, region: region as string, at: now, expiresAt: now + COUNTER_CODE_TTL_MS, usedAt: null };
      if (await tx.create('verifications', ids.counterCode(candidate), rec)) return candidate;
    }
  });
  if (!code) return fail('RATE_LIMITED', `今天获取核验码的次数已达 ${COUNTER_CODES_PER_DAY} 次，请明天再试`);
  return ok({
    code, expiresAt: beijingIso(now + COUNTER_CODE_TTL_MS),
    where: `请在 7 天内携带本人${labelOf(ID_TYPES, p.idType)}原件，到${regionName(region as string) ?? ''}的公共就业服务窗口，把核验码 ${code} 告诉工作人员。`,
  });
}

const CODE_NOT_FOUND = '核验码无效、已过期或已使用，或不属于您所辖区域；请申请人在小程序中重新获取';

export async function confirmIdentityAtCounter(input: unknown, deps: Deps): Promise<Result<{ confirmed: true; holderName: string; idNumberMasked: string }>> {
  const staff = deps.caller.staff!;
  const raw = (input ?? {}) as { code?: unknown; documentType?: unknown; documentNumber?: unknown; name?: unknown };
  const code = typeof raw.code === 'string' ? raw.code.replace(/\s/g, '') : '';
  const seen = personFields({ name: raw.name, idType: raw.documentType, idNumber: raw.documentNumber });
  const fields: Record<string, string> = {};
  if (!/^\d{8}$/.test(code)) fields.code = '请填写申请人出示的8位核验码';
  if (!seen.ok) {
    if (seen.fields.name) fields.name = '请填写证件上的姓名';
    if (seen.fields.idType) fields.documentType = '请选择所见证件的类型';
    if (seen.fields.idNumber) fields.documentNumber = seen.fields.idNumber;
  }
  if (Object.keys(fields).length || !seen.ok) return fail('VALIDATION_FAILED', '请按所见证件填写后再确认', fields);
  const rec = await deps.store.get<CounterRecord>('verifications', ids.counterCode(code));
  const now = deps.clock.now();
  if (!rec || rec.usedAt !== null || now > rec.expiresAt || !staffMaySee(staff, rec)) return fail('NOT_FOUND', CODE_NOT_FOUND);
  if (rec.openid === staff.openid) return fail('FORBIDDEN', '不能为本人的账号办理窗口核验，请由其他工作人员办理');
  const audit = { at: now, staffOpenid: staff.openid, staffName: staff.name, staffRegion: staff.region, staffRole: staff.role, action: 'confirmIdentityAtCounter', documentType: seen.idType };
  if (seen.idType !== rec.idType || seen.idNumber !== rec.idNumber || seen.name !== rec.name) {
    await writeRecord(deps.store, 'audit', deps.newId(), { ...audit, result: 'mismatch', personKey: null });
    return fail('VALIDATION_FAILED', '所见证件与申请人在小程序中填写的不一致，不能确认；请核对证件，或请申请人按证件重新填写并获取核验码', {
      ...(seen.idType !== rec.idType ? { documentType: '证件类型不一致' } : {}),
      ...(seen.idNumber !== rec.idNumber ? { documentNumber: '证件号码不一致' } : {}),
      ...(seen.name !== rec.name ? { name: '姓名不一致' } : {}),
    });
  }
  const personKey = deps.personKey(rec.idNumber);
  const others = await otherBoundOpenids(deps, personKey, rec.openid);
  const done = await deps.store.transaction(async (tx) => {
    const again = await tx.get<CounterRecord>('verifications', ids.counterCode(code));
    if (!again || again.usedAt !== null) return false;
    await tx.put('verifications', ids.counterCode(code), { ...again, usedAt: now });
    await bindInTx(tx, deps, { openid: rec.openid, personKey, name: rec.name, at: now, via: 'counter', counter: { staffOpenid: staff.openid, documentType: seen.idType, at: now } }, others);
    await writeRecord(tx, 'audit', deps.newId(), { ...audit, result: 'confirmed', personKey });
    await writeMessageInTx(tx, {
      messageId: deps.newId(), openid: rec.openid, personKey, event: 'identity.counter',
      title: '窗口核验已完成',
      body: `${officeName(staff.region)}窗口工作人员已核验您的${labelOf(ID_TYPES, seen.idType)}，本微信账号现在可以办理和查看您本人的业务。如非您本人到场，请立即拨打 12333 反映。`,
      at: now, canWait: false,
    });
    return true;
  });
  if (!done) return fail('NOT_FOUND', CODE_NOT_FOUND);
  return ok({ confirmed: true, holderName: maskName(rec.name), idNumberMasked: maskIdNumber(rec.idNumber) });
}
