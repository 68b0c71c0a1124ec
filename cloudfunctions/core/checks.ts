/**
 * The outside-data checks of the 秒办 decision table (docs/product.md), each explained in plain
 * Chinese. A source that is down, errors or is slower than the timeout never fails the
 * application: the check is "not passed" with 数据暂不可比对 and the application goes to staff
 * review (docs/product.md: "An outside data source that is down → pending_review, not an error").
 */
import type { Check } from '@shared/api';
import { CHECK_LABELS } from '@shared/check-labels';
import { cityOf, type ProvincialCertificate } from '@shared/certificate-entries';
import { regionName } from '@shared/regions';
import type { GovDataPort, SourceAnswer, SourceName } from './deps';

/** 渝人社办〔2020〕79号: 秒办 returns the result at once — a source may not hold the citizen up longer than this. */
export const SOURCE_TIMEOUT_MS = 2000;

export const UNAVAILABLE_DETAIL = '数据暂不可比对，已转人工审核';

async function withTimeout<T>(p: Promise<SourceAnswer<T>>, ms: number): Promise<SourceAnswer<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<SourceAnswer<T>>((resolve) => {
    timer = setTimeout(() => resolve({ available: false, reason: 'timeout' }), ms);
  });
  try {
    return await Promise.race([p.catch((): SourceAnswer<T> => ({ available: false, reason: 'error' })), timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** The headings of the one table (shared/check-labels.ts): a detail starts with its check's label. */
const SOURCE_LABEL: Record<SourceName, string> = CHECK_LABELS;

function unavailable(name: SourceName): Check {
  return { name, passed: false, detail: `${SOURCE_LABEL[name]}：${UNAVAILABLE_DETAIL}` };
}

/** 鞍人社〔2020〕21号 三: 身份信息通过数据比对核验 — name + ID number against the 社保卡持卡人员基础信息库. */
export async function identityCheck(gov: GovDataPort, idNumber: string, name: string, timeoutMs = SOURCE_TIMEOUT_MS): Promise<Check> {
  const a = await withTimeout(gov.identity(idNumber, name), timeoutMs);
  if (!a.available) return unavailable('identity');
  return a.value.matched
    ? { name: 'identity', passed: true, detail: '身份信息：与社会保障卡持卡人员基础信息库一致' }
    : { name: 'identity', passed: false, detail: `身份信息：${a.value.detail ?? '姓名与证件号码未能在社会保障卡持卡人员基础信息库中核实'}，需工作人员核实` };
}

/** 鞍人社〔2020〕21号 一: 未享受基本养老保险待遇 (劳动年龄内). */
export async function pensionCheck(gov: GovDataPort, idNumber: string, timeoutMs = SOURCE_TIMEOUT_MS): Promise<Check> {
  const a = await withTimeout(gov.pension(idNumber), timeoutMs);
  if (!a.available) return unavailable('pension');
  return a.value.receiving
    ? { name: 'pension', passed: false, detail: '养老保险待遇：系统显示已在领取基本养老保险待遇，需工作人员核实' }
    : { name: 'pension', passed: true, detail: '养老保险待遇：未领取' };
}

/**
 * 吉人社函字〔2018〕175号 二(一)(三): 与社会保险、劳动用工备案、工商登记信息比对; none active → not employed.
 * The detail names the record found, so the citizen knows what staff will look at.
 */
export async function employmentChecks(gov: GovDataPort, idNumber: string, timeoutMs = SOURCE_TIMEOUT_MS): Promise<Check[]> {
  const [si, cf, br] = await Promise.all([
    withTimeout(gov.socialInsurance(idNumber), timeoutMs),
    withTimeout(gov.contractFiling(idNumber), timeoutMs),
    withTimeout(gov.businessRegistration(idNumber), timeoutMs),
  ]);
  const checks: Check[] = [];
  if (!si.available) checks.push(unavailable('socialInsurance'));
  else if (si.value) checks.push({ name: 'socialInsurance', passed: false, detail: `单位参保：${si.value.unit}，${si.value.since} 起` });
  else checks.push({ name: 'socialInsurance', passed: true, detail: '单位参保：无在职参保记录' });
  if (!cf.available) checks.push(unavailable('contractFiling'));
  else if (cf.value) checks.push({ name: 'contractFiling', passed: false, detail: `劳动用工备案：${cf.value.unit}，${cf.value.since} 起` });
  else checks.push({ name: 'contractFiling', passed: true, detail: '劳动用工备案：无有效备案' });
  if (!br.available) checks.push(unavailable('businessRegistration'));
  else if (br.value) checks.push({ name: 'businessRegistration', passed: false, detail: `工商注册登记：${br.value.name}，${br.value.since} 起` });
  else checks.push({ name: 'businessRegistration', passed: true, detail: '工商注册登记：无有效登记' });
  return checks;
}

/**
 * 申领: does the provincial 就业管理服务信息系统 hold a 《就业创业证》 for this person (大人社规发〔2025〕2号 一(四))?
 * Found → a passed line saying what approval will do (补发 its number in this city, 换发 one of another
 * city); not found → no line (a first certificate); unavailable → not passed, to review: issuing a
 * second number for a person who has one is not something to do blind.
 */
export async function provincialCertificateLookup(
  gov: GovDataPort, idNumber: string, residenceRegion: string, timeoutMs = SOURCE_TIMEOUT_MS,
): Promise<{ check: Check | null; prior: ProvincialCertificate | null }> {
  const a = await withTimeout(gov.certificate(idNumber), timeoutMs);
  if (!a.available) return { check: unavailable('certificate'), prior: null };
  const prior = a.value;
  if (!prior) return { check: null, prior: null };
  const where = regionName(prior.issuingRegion) ?? prior.issuingRegion;
  const detail = cityOf(prior.issuingRegion) === cityOf(residenceRegion)
    ? `${SOURCE_LABEL.certificate}：查到本市已为您编号的《就业创业证》（${where}，${prior.issuedOn}），按原编号补发电子证，并记载最近一次登记、服务和政策信息`
    : `${SOURCE_LABEL.certificate}：查到${where}于 ${prior.issuedOn} 签发的《就业创业证》，视为有效；本次换发，并记载最近一次登记、服务和政策信息`;
  return { check: { name: 'certificate', passed: true, detail }, prior };
}
