/**
 * 失业登记 and 灵活就业登记 are two answers to one question — is this person employed? — so a person holds
 * at most one of them at any time (docs/rules.md "申请与登记的生命周期"). Shared by the cloud (which
 * enforces it) and the client (which warns before anything of the person's ends), so both say the
 * same words.
 *
 * - 灵活就业 ends an active 失业登记 with AJC00A 13 "已从事有稳定收入的劳动，并且月收入不低于当地最低生活保障标准"
 *   (人社厅发〔2020〕79号 附件). The 灵活就业 form therefore asks whether the monthly income reaches the local
 *   最低生活保障标准 (鞍人社〔2020〕21号 五(二) 处于就业状态); below it the person is unemployed — "从事一定收入的劳动，
 *   但收入低于当地最低生活保障标准" is itself a 失业原因 on the 失业人员登记表 — and keeps (or files) a 失业登记.
 * - 失业登记 ends an active 灵活就业登记: "灵活就业转失业" (吉人社函字〔2018〕175号 二(三)).
 * - Either ending needs the person's explicit confirmation, given on the form after reading what will end.
 */
import type { RegistrationStatus } from './api';
import { APPLICATION_KIND_LABEL } from './application-kinds';

export type RegistrationKind = 'unemployment' | 'flexible';

export const REGISTRATION_KINDS: readonly RegistrationKind[] = ['unemployment', 'flexible'];

/** The two registrations' names: the rows of the one table of service names (shared/application-kinds.ts). */
export const REGISTRATION_KIND_LABEL: Readonly<Record<RegistrationKind, string>> = Object.freeze({
  unemployment: APPLICATION_KIND_LABEL.unemployment,
  flexible: APPLICATION_KIND_LABEL.flexible,
});

/** What opening a registration of one kind does to an active one of the other kind. */
export interface Supersession {
  /** the kind that ends */
  ends: RegistrationKind;
  /** the form field (literal `true`) by which the person confirms the end */
  confirmField: 'endsUnemploymentConfirmed' | 'endsFlexibleConfirmed';
  /** the code the ended registration records: AJC00A for a 失业登记; our own for a 灵活就业登记 (not exported) */
  reasonCode: string;
  /** the reason in the person's words, on the timeline and in the message */
  reasonText: string;
  citation: string;
}

export const SUPERSEDES: Readonly<Record<RegistrationKind, Supersession>> = Object.freeze({
  flexible: {
    ends: 'unemployment',
    confirmField: 'endsUnemploymentConfirmed',
    reasonCode: '13',
    reasonText: '已从事有稳定收入的劳动，并且月收入不低于当地最低生活保障标准',
    citation: '人社厅发〔2020〕79号 附件 AJC00A 13',
  },
  unemployment: {
    ends: 'flexible',
    confirmField: 'endsFlexibleConfirmed',
    reasonCode: 'to_unemployment',
    reasonText: '灵活就业转失业',
    citation: '吉人社函字〔2018〕175号 二(三)',
  },
});

/** The warning the person reads before submitting, and the refusal when they have not confirmed it. */
export function endsWarning(opening: RegistrationKind, since: string): string {
  const s = SUPERSEDES[opening];
  return `您自 ${since} 起的${REGISTRATION_KIND_LABEL[s.ends]}仍然有效。办理${REGISTRATION_KIND_LABEL[opening]}后，该${REGISTRATION_KIND_LABEL[s.ends]}将终止（原因：${s.reasonText}，依据${s.citation}）。同一时间只能有一项登记。请确认后再提交。`;
}

export const CONFIRM_LABEL: Readonly<Record<RegistrationKind, string>> = Object.freeze({
  flexible: '我已知晓：办理灵活就业登记后，我的失业登记将终止',
  unemployment: '我已知晓：办理失业登记后，我的灵活就业登记将终止',
});

export const INCOME_BELOW_MINIMUM = '月收入低于当地最低生活保障标准的，按规定仍属失业人员（失业原因“从事一定收入的劳动，但收入低于当地最低生活保障标准”），不办理灵活就业登记；您可以保留或办理失业登记，继续享受就业服务。';
export const INCOME_NEEDED = '您有有效的失业登记。请回答月收入是否不低于当地最低生活保障标准：达到的，办理灵活就业登记后失业登记终止；未达到的，仍属失业人员，保留失业登记。';


/**
 * 港澳台居民 (鞍人社〔2020〕21号 一: "在内地（大陆）就业后失业的…港澳台居民可参照执行"): by the document — 居住证 (17) or
 * 港澳通行证 (04/05), or a 社会保障卡 (90) whose number carries the 居住证 prefix 810000/820000/830000.
 */
export function isHkMacaoTaiwanResident(idType: unknown, idNumber: unknown): boolean {
  if (idType === '17' || idType === '04' || idType === '05' || idType === '06') return true;
  return idType === '90' && typeof idNumber === 'string' && /^8[123]0000/.test(idNumber);
}

export const MAINLAND_EMPLOYMENT_NEEDED = '港澳台居民请选择是否曾在内地（大陆）就业：在内地（大陆）就业后失业的，可参照办理失业登记（鞍人社〔2020〕21号 一）';

/** 伤残等级 一级 declared: whether the person 有劳动能力 (鞍人社〔2020〕21号 一) is for a person to look at, never refused. */
export const WORK_ABILITY_REVIEW = '劳动能力：申报伤残等级为一级，需工作人员核实是否有劳动能力（失业登记对象须有劳动能力，鞍人社〔2020〕21号 一）；不因残疾不予登记';

/** The registration a certificate or a staff scan reports: the active one of either kind, else the latest. */
export interface RegistrationState {
  status: RegistrationStatus | 'none';
  kind?: RegistrationKind;
}

/** What the certificate page and the staff scan show for a registration state (one wording for both). */
export function registrationStatusText(state: RegistrationState): string {
  if (state.status === 'none') return '未办理登记';
  const what = state.kind ? REGISTRATION_KIND_LABEL[state.kind] : '登记';
  return state.status === 'active' ? `${what}有效` : `${what}已注销`;
}
