/**
 * The one table of check names (shared/api.ts `Check.name`) → what a person reads as its heading:
 * the cloud starts each check's detail with it (core/checks.ts), the citizen's application view and the
 * staff detail page head each check with it. One wording everywhere (docs/rules.md).
 */
export type CheckName =
  | 'realPerson'
  | 'identity'
  | 'pension'
  | 'socialInsurance'
  | 'contractFiling'
  | 'businessRegistration'
  | 'duplicate'
  | 'commitment'
  | 'age'
  | 'workAbility'
  | 'mainlandEmployment'
  | 'certificate';

export const CHECK_LABELS: Readonly<Record<CheckName, string>> = Object.freeze({
  realPerson: '实人核验',
  identity: '身份信息',
  pension: '养老保险待遇',
  socialInsurance: '单位参保',
  contractFiling: '劳动用工备案',
  businessRegistration: '工商注册登记',
  duplicate: '重复申请',
  commitment: '书面承诺',
  age: '年龄',
  // 鞍人社〔2020〕21号 一: 有劳动能力
  workAbility: '劳动能力',
  // 鞍人社〔2020〕21号 一: 在内地（大陆）就业后失业的港澳台居民
  mainlandEmployment: '内地（大陆）就业经历',
  // 大人社规发〔2025〕2号 一(四): the provincial system's 《就业创业证》 records (换发 / 补发)
  certificate: '全省《就业创业证》记录',
});

/** The heading of a check, for any name the cloud may send (an unknown one reads 核验). */
export function checkLabel(name: string): string {
  return (CHECK_LABELS as Record<string, string>)[name] ?? '核验';
}
