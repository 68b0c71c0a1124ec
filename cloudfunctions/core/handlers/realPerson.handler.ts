/**
 * 实人核验, started by the mini-program and confirmed by the cloud (never on the client's word):
 * `startRealPersonCheck` asks the provider for a check (FaceID BizToken) for the person the
 * citizen says they are; the mini-program runs the face check; `confirmRealPersonCheck` asks the
 * provider for the result and binds the openid to that person only if the provider says so.
 */
import type { Result } from '../../../shared/api';
import { fail, ok } from '../../../shared/api';
import { normalizeIdNumber } from '../../../shared/id-number';
import type { Deps } from '../deps';

export async function startRealPersonCheck(input: unknown, deps: Deps): Promise<Result<{ mode: 'simulated' } | { mode: 'faceid'; bizToken: string; url: string }>> {
  const { name, idNumber } = (input ?? {}) as { name?: unknown; idNumber?: unknown };
  const fields: Record<string, string> = {};
  if (typeof name !== 'string' || name.trim().length < 2) fields.name = '请填写与证件一致的姓名';
  const id = typeof idNumber === 'string' ? normalizeIdNumber('01', idNumber) : null;
  if (!id || !id.ok) fields.idNumber = id && !id.ok ? id.message : '请填写18位居民身份证号码';
  if (Object.keys(fields).length) return fail('VALIDATION_FAILED', '请先填写姓名和身份证号码', fields);
  return ok(await deps.realPerson.start(deps.caller.openid!, { name: name as string, idNumber: (id as { value: string }).value }));
}

export async function confirmRealPersonCheck(input: unknown, deps: Deps): Promise<Result<{ passed: boolean; detail: string }>> {
  const bizToken = (input as { bizToken?: unknown } | null)?.bizToken;
  if (typeof bizToken !== 'string' || bizToken.length > 128) return fail('VALIDATION_FAILED', '核验凭据无效，请重新刷脸', { bizToken: '核验凭据无效，请重新刷脸' });
  const r = await deps.realPerson.confirm(deps.caller.openid!, bizToken);
  return ok({ passed: r.passed, detail: r.detail });
}
