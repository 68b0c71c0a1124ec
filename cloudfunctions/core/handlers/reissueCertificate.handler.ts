/**
 * 补发 of the electronic 《就业创业证》 (大人社规发〔2025〕2号 一(四)): the holder, with a written statement, gets
 * version + 1 of the same number and every code of the old version stops verifying at once
 * (verifyCertificate.handler.ts compares versions).
 */
import type { ApiError, CertificateView, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { reissueSchema } from '@shared/reissue.schema';
import type { CertificateEntries } from '@shared/certificate-entries';
import { localEntriesInTx } from '../certificate-entries';
import { requestIdSchema } from '@shared/person.schema';
import { priorAnswer, requestKey } from '../idempotency';
import { z } from '@shared/zod-kit';
import { readRecord, writeRecord } from '../collections';
import { writeMessageInTx } from '../messages';
import { withQr } from '../certificate-qr';
import type { CertificateRecord, RequestRecord } from '../records';
import { registrationStatusInTx } from '../registrations';
import { REAL_PERSON_REQUIRED } from '../submit';
import { certificateView } from '../views';
import { boundPersonKeys, mayActFor } from '../person-access';
import { parseWith } from '../parse';
import { defineParsed } from './handler';

const reissueInputSchema = reissueSchema.extend({
  requestId: requestIdSchema,
  /** which certificate, when one account holds several people's (default: the first, as getMyCertificate) */
  certificateNo: z.string().max(32).optional(),
});

const REISSUE_REASON = { lost: '遗失补发', damaged: '损毁补发' } as const;

/** This service's latest records first; what an earlier 换发 brought from the provincial system where it holds none. */
function mergeEntries(local: CertificateEntries, earlier: CertificateEntries | undefined): CertificateEntries {
  if (!earlier) return local;
  return {
    ...local,
    employment: local.employment ?? earlier.employment,
    unemployment: local.unemployment ?? earlier.unemployment,
    service: local.service ?? earlier.service,
    policy: local.policy ?? earlier.policy,
  };
}

/**
 * 补发 (大人社规发〔2025〕2号 一(四): 对遗失或损毁等需要重新办理的，书面说明情况，予以补发): the same number,
 * version + 1, the written statement kept in the history; every code of the old version stops
 * verifying at once (verifyCertificate compares versions). Idempotent by requestId.
 */
export const reissueCertificate = defineParsed((input, deps) => {
  const openid = deps.caller.openid;
  if (!openid) return fail('UNAUTHENTICATED', '请先登录后再办理');
  const v = parseWith(reissueInputSchema, input);
  return v.ok ? ok({ ...v.data, openid }) : v;
}, async ({ openid, requestId, kind, statement, certificateNo }, deps): Promise<Result<CertificateView>> => {
  const key = requestKey(openid, requestId);
  const answer = async (cert: CertificateRecord): Promise<Result<CertificateView>> => {
    const view = certificateView(cert, await registrationStatusInTx(deps.store, cert.personKey));
    return ok(await withQr(cert, view, deps));
  };

  // a requestId belongs to one action and one person (core/idempotency.ts)
  const prior = priorAnswer(await readRecord(deps.store, 'requests', key), 'reissueCertificate');
  if (prior.kind === 'reused') return prior.error;
  if (prior.kind === 'same') {
    // The stored answer has no QR (a stored token would be stale): answer with the certificate now.
    const priorKey = (prior.record.answer as { personKey?: unknown } | null)?.personKey;
    const cert = typeof priorKey === 'string' ? await readRecord(deps.store, 'certificates', priorKey) : null;
    if (cert && (!certificateNo || cert.certificateNo === certificateNo)) return answer(cert);
    if (cert) return fail('CONFLICT', '这个提交编号已用于另一张证的补发，请刷新页面后重新提交');
  }

  let cert: CertificateRecord | null = null;
  for (const key of await boundPersonKeys(deps)) {
    const c = await readRecord(deps.store, 'certificates', key);
    if (c && (!certificateNo || c.certificateNo === certificateNo)) { cert = c; break; }
  }
  if (!cert) return fail('NOT_FOUND', '您还没有电子《就业创业证》，可先申领');
  if (cert.status === 'revoked') return fail('CONFLICT', '该证已注销，不能补发；如需使用请重新申领');
  // A 补发 voids the codes the holder shows: only the holder (bound, and freshly checked or checked at
  // a counter) may ask — never a delegate or a sender (docs/identity.md "Who is who").
  const access = await mayActFor(deps, { name: cert.name, idNumber: cert.idNumber });
  if (!access.ok || access.as !== 'self') return fail('FORBIDDEN', REAL_PERSON_REQUIRED);

  const at = deps.clock.now();
  const personKey = cert.personKey;
  let reused: { ok: false; error: ApiError } | null = null;
  const done = await deps.store.transaction(async (tx) => {
    reused = null;
    const again = priorAnswer(await readRecord(tx, 'requests', key), 'reissueCertificate', personKey);
    if (again.kind === 'reused') { reused = again.error; return null; }
    if (again.kind === 'same') return readRecord(tx, 'certificates', personKey);
    const current = await readRecord(tx, 'certificates', personKey);
    if (!current || current.status === 'revoked') return null;
    const ended = { version: current.version, issuedAt: current.issuedAt, endedAt: at, reason: REISSUE_REASON[kind], kind, statement, requestId, by: openid };
    // 大人社规发〔2025〕2号 一(四): 补发时…最近一次就业登记、失业登记、接受就业服务和享受就业政策等信息进行记载
    const entries = mergeEntries(await localEntriesInTx(tx, personKey, at), current.entries);
    const next: CertificateRecord = { ...current, version: current.version + 1, status: 'valid', issuedAt: at, history: [...current.history, ended], entries };
    await writeRecord(tx, 'certificates', personKey, next);
    const record: RequestRecord = { openid, requestId, action: 'reissueCertificate', personKey, answer: { personKey, certificateNo: next.certificateNo, version: next.version }, at };
    await writeRecord(tx, 'requests', key, record);
    await writeRecord(tx, 'audit', deps.newId(), { at, citizenOpenid: openid, action: 'reissueCertificate', personKey, certificateNo: next.certificateNo, version: next.version, kind });
    await writeMessageInTx(tx, {
      messageId: deps.newId(), openid, personKey, event: 'certificate.reissued',
      title: '电子《就业创业证》已补发',
      body: `证号 ${next.certificateNo} 已${REISSUE_REASON[kind]}（第 ${next.version} 版），证上记载了您最近一次就业登记、失业登记、接受就业服务和享受就业政策的信息。原证件及其二维码（包括截图）即刻起不能通过核验，请出示“我的电子证”中的新二维码。`,
      at, applicationId: next.applicationId,
    });
    return next;
  });
  if (reused) return reused;
  if (!done) return fail('CONFLICT', '该证已注销，不能补发；如需使用请重新申领');
  return answer(done);
});
