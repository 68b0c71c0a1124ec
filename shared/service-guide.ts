/**
 * 办事指南 per service (issue 17): 依据, 条件, 材料, 时限 in working days (the region's profile), 收费, 咨询电话.
 * The words of each condition are the notices' own, shortened; the deadlines come from
 * shared/region-profiles.ts so the guide never says another number than the one the cloud counts.
 */
import type { ApplicationKind } from './api';
import { reviewDaysFor } from './region-profiles';

export interface ServiceGuide {
  kind: ApplicationKind;
  title: string;
  /** the notices it rests on, by official number */
  basis: string[];
  conditions: string[];
  materials: string;
  /** in working days, for the region */
  timeLimit: string;
  fee: string;
  /** the form */
  url: string;
}

const TEXT: Record<ApplicationKind, Omit<ServiceGuide, 'timeLimit' | 'kind'>> = {
  certificate: {
    title: '申领《就业创业证》',
    basis: ['大人社规发〔2025〕2号 一'],
    conditions: ['本市行政区域内的劳动者，年满16周岁', '没有就业、失业登记需求的，只填写基本信息也可以领取'],
    materials: '线上办理不用提供任何材料，如实填写基本信息并作出书面承诺即可',
    fee: '免费',
    url: '/packageForms/certificate-apply/index',
  },
  unemployment: {
    title: '失业登记',
    basis: ['人社厅发〔2020〕79号 一', '鞍人社〔2020〕21号 一、二', '大人社规发〔2025〕2号 三'],
    conditions: [
      '在劳动年龄内、有劳动能力、有就业要求、处于无业状态的城乡劳动者',
      '可以在户籍地、常住地、就业地或参保地登记',
      '不会因为人户分离、户籍不在本地或没有档案而不予受理',
    ],
    materials: '不用提供身份证件以外的任何证明，如实填写登记表并作出书面承诺即可',
    fee: '免费',
    url: '/packageForms/unemployment/index',
  },
  flexible: {
    title: '灵活就业登记',
    basis: ['吉人社函字〔2018〕175号 二(三)', '大人社规发〔2025〕2号 二(二)'],
    conditions: ['以灵活方式实现就业', '没有用人单位就业参保登记、劳动用工备案和工商注册登记'],
    materials: '不用提供材料，以书面承诺确定灵活就业状态',
    fee: '免费',
    url: '/packageForms/flexible/index',
  },
};

/** The guide of a service for a region (county code, or '' for the general deadlines). */
export function serviceGuide(kind: ApplicationKind, regionCode = ''): ServiceGuide {
  const days = reviewDaysFor(kind, regionCode);
  const instant = kind === 'certificate' ? '信息核验通过的即时出证' : '信息比对通过的即时办结';
  return { kind, ...TEXT[kind], timeLimit: `${instant}；需要工作人员核实的，${days}个工作日内办结` };
}

export const GUIDE_KINDS: readonly ApplicationKind[] = ['certificate', 'unemployment', 'flexible'];
