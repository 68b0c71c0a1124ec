/**
 * The identity in the counter route (窗口核验, handlers/requestCounterCheck.handler.ts and
 * confirmIdentityAtCounter.handler.ts): the name, document type (shared/codes.ts ID_TYPES) and number,
 * normalized, as the person claims it and as staff read it on the document — checked alike on both sides.
 */
import { ID_TYPES } from '@shared/codes';
import { normalizeIdNumber } from '@shared/id-number';

const ID_TYPE_CODES = new Set<string>(ID_TYPES.map((t) => t.code));

export function personFields(input: unknown): { ok: true; name: string; idType: string; idNumber: string } | { ok: false; fields: Record<string, string> } {
  const { name, idType, idNumber } = (input ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  if (typeof name !== 'string' || name.trim().length < 2 || name.length > 50) fields.name = '请填写与证件一致的姓名';
  if (typeof idType !== 'string' || !ID_TYPE_CODES.has(idType)) fields.idType = '请选择证件类型';
  const id = typeof idType === 'string' && ID_TYPE_CODES.has(idType) ? normalizeIdNumber(idType, idNumber) : null;
  if (!fields.idType && (!id || !id.ok)) fields.idNumber = id && !id.ok ? id.message : '请填写证件号码';
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, name: (name as string).trim(), idType: idType as string, idNumber: (id as { value: string }).value };
}
