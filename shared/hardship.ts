/**
 * 就业困难人员认定 as part of the 失业登记 "一件事" (人社厅发〔2020〕79号 一(五): 把失业登记、失业保险金申领、就业困难
 * 人员认定等相关业务当成"一件事"; 鞍人社〔2020〕21号 四(五): 对符合就业困难人员条件的登记失业人员，实施优先扶持和
 * 重点帮助). The notices do not list the conditions; these declared 人员类别 are the ones that usually
 * qualify, so a person who declares one has a 认定 request opened for staff. Staff decide — the
 * machine never recognizes or refuses anyone (docs/rules.md).
 */
export const HARDSHIP_CATEGORIES: readonly string[] = [
  '4050人员',
  '零就业家庭人员',
  '低保家庭人员',
  '残疾人员',
  '特困救助供养人员',
  '农村建档立卡贫困户',
];

/** The declared categories that open a 就业困难人员认定 request (empty: none). */
export function hardshipCategories(categories: unknown): string[] {
  return Array.isArray(categories) ? categories.filter((c): c is string => typeof c === 'string' && HARDSHIP_CATEGORIES.includes(c)) : [];
}

export type HardshipStatus = 'requested' | 'recognized' | 'not_recognized';

export const HARDSHIP_STATUS_TEXT: Readonly<Record<HardshipStatus, string>> = {
  requested: '已转工作人员认定',
  recognized: '已认定为就业困难人员',
  not_recognized: '未认定为就业困难人员',
};
