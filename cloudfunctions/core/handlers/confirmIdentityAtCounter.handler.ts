/** 窗口核验, staff side: the code and what the document says; the openid is bound only when it says what the person claimed (see requestCounterCheck.handler.ts). */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { ID_TYPES, labelOf } from '@shared/codes';
import { maskIdNumber, maskName } from '@shared/mask';
import { staffMaySee } from '../access';
import { ids, writeRecord, type CounterCodeRecord as CounterRecord } from '../collections';
import { writeMessageInTx } from '../messages';
import { bindInTx, otherBoundOpenids } from '../person-access';
import { officeName } from '../offices';
import { personFields } from '../counter-identity';
import { defineParsed } from './handler';

const CODE_NOT_FOUND = '核验码无效、已过期或已使用，或不属于您所辖区域；请申请人在小程序中重新获取';

export const confirmIdentityAtCounter = defineParsed((input) => {
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
  return ok({ code, seen: { name: seen.name, idType: seen.idType, idNumber: seen.idNumber } });
}, async ({ code, seen }, deps): Promise<Result<{ confirmed: true; holderName: string; idNumberMasked: string }>> => {
  const staff = deps.caller.staff!;
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
});
