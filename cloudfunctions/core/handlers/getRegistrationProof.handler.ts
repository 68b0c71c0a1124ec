/**
 * 失业登记证明 / 就业登记证明 (core/proof.ts): the person issues it for themselves; staff verify it
 * (verifyProof.handler.ts).
 *
 * - `getRegistrationProof {kind}` (citizen): the caller's own registration of that kind — active, or
 *   the last one — as a PDF. Own records only, like getMyCertificate: the people the openid is bound
 *   to (identity matched and a real-person check passed, core/person-access.ts). A delegate or a
 *   stranger gets the same NOT_FOUND as a person with no registration.
 */
import type { Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { REGISTRATION_KIND_LABEL, type RegistrationKind } from '@shared/registrations';
import { boundPersonKeys } from '../person-access';
import { PROOF_TITLE, proofClaims, proofFacts } from '../proof';
import { proofFont, renderProofPdf } from '../proof.pdf';
import type { RegistrationRecord } from '../records';
import { registrationId } from '../registrations';
import { readRecord, writeRecord } from '../collections';
import { defineParsed } from './handler';

export const PROOF_UNAVAILABLE = '证明文件暂时无法生成，请稍后再试或到就业服务机构窗口开具';
const KIND_MESSAGE = '请选择要开具的证明：失业登记证明或就业登记证明';

export const getRegistrationProof = defineParsed((input, deps) => {
  if (!deps.caller.openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const kind = (input as { kind?: unknown } | null)?.kind;
  return kind === 'unemployment' || kind === 'flexible' ? ok({ kind: kind as RegistrationKind }) : fail('VALIDATION_FAILED', KIND_MESSAGE, { kind: KIND_MESSAGE });
}, async ({ kind }, deps): Promise<Result<{ pdfBase64: string; fileName: string }>> => {
  let reg: RegistrationRecord | null = null;
  for (const key of await boundPersonKeys(deps)) {
    const r = await readRecord(deps.store, 'registrations', registrationId(kind, key));
    if (r && (!reg || (r.status === 'active' && reg.status !== 'active'))) reg = r;
  }
  if (!reg) {
    return fail('NOT_FOUND', `没有找到您本人的${REGISTRATION_KIND_LABEL[kind]}记录，不能开具${PROOF_TITLE[kind]}。已办理的，请先在“我的”中完成实人认证后再开具。`);
  }
  const keys = deps.qrKeys;
  const font = proofFont();
  if (!keys || !font) {
    deps.log?.('proof.unavailable', { keys: Boolean(keys), font: Boolean(font) });
    return fail('UNAVAILABLE', PROOF_UNAVAILABLE);
  }
  const now = deps.clock.now();
  const claims = proofClaims(reg, now);
  const token = await (await keys.current(now)).signJson({ ...claims });
  const facts = proofFacts(reg, now, claims.exp);
  const pdf = await renderProofPdf(facts, token, font, now);
  await writeRecord(deps.store, 'audit', deps.newId(), { at: now, citizenOpenid: deps.caller.openid, action: 'getRegistrationProof', personKey: reg.personKey, kind, applicationId: reg.applicationId });
  deps.log?.('proof.issued', { kind });
  return ok({ pdfBase64: pdf.toString('base64'), fileName: `${facts.title}-${facts.issuedOn.replace(/-/g, '')}.pdf` });
});
