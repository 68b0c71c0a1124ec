/**
 * Code tables of the forms (docs/forms.md). One table per coded field; the client
 * renders pickers from them and the schemas accept only their codes, so a code lives here once.
 * No platform imports: runs in the mini-program, in H5 and in Node.
 */

export interface CodeItem {
  code: string;
  label: string;
}

type Table<T extends CodeItem = CodeItem> = readonly T[];

/**
 * 证件类型 (AAC058). Codes follow the national 人社 table (人社厅发〔2020〕79号 附件: AAC058 【数据】必须在代码表中),
 * where 04 reads "香港特区护照/港澳居民来往内地通行证" and 05 "澳门特区护照/港澳居民来往内地通行证": the same
 * 通行证 under two codes, one per region, so the labels name the region to keep the two apart.
 * Exactly the documents 鞍人社〔2020〕21号 二 accepts as 有效身份证件: 内地（大陆）居民 居民身份证 or 社会保障卡; 港澳台居民
 * 港澳台居民居住证, 社会保障卡 or 港澳居民来往内地通行证. Each of them yields a 社会保障号码 the national export accepts
 * (AAC002: a letter first, or a 15/18-digit 公民身份号码 with its check character) — see TAIWAN_PASS below for the
 * one document that does not.
 */
export const ID_TYPES = [
  { code: '01', label: '居民身份证' },
  { code: '17', label: '港澳台居民居住证' },
  { code: '04', label: '港澳居民来往内地通行证（香港居民）' },
  { code: '05', label: '港澳居民来往内地通行证（澳门居民）' },
  { code: '90', label: '社会保障卡' },
] as const satisfies Table;

/**
 * 台湾居民来往大陆通行证 (AAC058 06) is not among the 有效身份证件 of 鞍人社〔2020〕21号 二, and its 8-digit number can
 * never be a 社会保障号码 (人社厅发〔2020〕79号 附件 AAC002: 首位不是字母的，长度为15或18位) — a registration taken with
 * it could never be reported when it ends. So intake refuses it with this message, naming what a Taiwan
 * resident can use instead; the code stays known to the export so a record made before is named, not lost.
 */
export const TAIWAN_PASS = { code: '06', label: '台湾居民来往大陆通行证' } as const;
export const TAIWAN_PASS_MESSAGE =
  '依据鞍人社〔2020〕21号 二，台湾居民来往大陆通行证不是办理失业登记的有效身份证件；台湾居民请使用港澳台居民居住证或社会保障卡办理';

export type IdTypeCode = (typeof ID_TYPES)[number]['code'];

/** 性别 (AAC004, GB/T 2261.1). */
export const GENDERS = [
  { code: '1', label: '男' },
  { code: '2', label: '女' },
] as const satisfies Table;

export type GenderCode = (typeof GENDERS)[number]['code'];

/** 民族 (AAC005), GB/T 3304: 56 nationalities, 97 其他, 98 外国血统中国籍人士. */
export const ETHNICITIES = [
  { code: '01', label: '汉族' },
  { code: '02', label: '蒙古族' },
  { code: '03', label: '回族' },
  { code: '04', label: '藏族' },
  { code: '05', label: '维吾尔族' },
  { code: '06', label: '苗族' },
  { code: '07', label: '彝族' },
  { code: '08', label: '壮族' },
  { code: '09', label: '布依族' },
  { code: '10', label: '朝鲜族' },
  { code: '11', label: '满族' },
  { code: '12', label: '侗族' },
  { code: '13', label: '瑶族' },
  { code: '14', label: '白族' },
  { code: '15', label: '土家族' },
  { code: '16', label: '哈尼族' },
  { code: '17', label: '哈萨克族' },
  { code: '18', label: '傣族' },
  { code: '19', label: '黎族' },
  { code: '20', label: '傈僳族' },
  { code: '21', label: '佤族' },
  { code: '22', label: '畲族' },
  { code: '23', label: '高山族' },
  { code: '24', label: '拉祜族' },
  { code: '25', label: '水族' },
  { code: '26', label: '东乡族' },
  { code: '27', label: '纳西族' },
  { code: '28', label: '景颇族' },
  { code: '29', label: '柯尔克孜族' },
  { code: '30', label: '土族' },
  { code: '31', label: '达斡尔族' },
  { code: '32', label: '仫佬族' },
  { code: '33', label: '羌族' },
  { code: '34', label: '布朗族' },
  { code: '35', label: '撒拉族' },
  { code: '36', label: '毛南族' },
  { code: '37', label: '仡佬族' },
  { code: '38', label: '锡伯族' },
  { code: '39', label: '阿昌族' },
  { code: '40', label: '普米族' },
  { code: '41', label: '塔吉克族' },
  { code: '42', label: '怒族' },
  { code: '43', label: '乌孜别克族' },
  { code: '44', label: '俄罗斯族' },
  { code: '45', label: '鄂温克族' },
  { code: '46', label: '德昂族' },
  { code: '47', label: '保安族' },
  { code: '48', label: '裕固族' },
  { code: '49', label: '京族' },
  { code: '50', label: '塔塔尔族' },
  { code: '51', label: '独龙族' },
  { code: '52', label: '鄂伦春族' },
  { code: '53', label: '赫哲族' },
  { code: '54', label: '门巴族' },
  { code: '55', label: '珞巴族' },
  { code: '56', label: '基诺族' },
  { code: '97', label: '其他' },
  { code: '98', label: '外国血统中国籍人士' },
] as const satisfies Table;

/** 政治面貌, GB/T 4762 (short labels as forms show them). */
export const POLITICAL_STATUSES = [
  { code: '01', label: '中共党员' },
  { code: '02', label: '中共预备党员' },
  { code: '03', label: '共青团员' },
  { code: '04', label: '民革党员' },
  { code: '05', label: '民盟盟员' },
  { code: '06', label: '民建会员' },
  { code: '07', label: '民进会员' },
  { code: '08', label: '农工党党员' },
  { code: '09', label: '致公党党员' },
  { code: '10', label: '九三学社社员' },
  { code: '11', label: '台盟盟员' },
  { code: '12', label: '无党派人士' },
  { code: '13', label: '群众' },
] as const satisfies Table;

/**
 * 学历 / 文化程度, GB/T 4658 codes; the labels follow 渝人社办〔2020〕79号's list (小学 … 博士研究生, 无), which
 * merges 中专/技校 differently, so 中专, 职业高中 and 技工学校 keep their GB/T 4658 codes 41/44/47.
 */
export const EDUCATIONS = [
  { code: '11', label: '博士研究生' },
  { code: '14', label: '硕士研究生' },
  { code: '21', label: '大学本科' },
  { code: '31', label: '大学专科' },
  { code: '41', label: '中等专科（中专）' },
  { code: '44', label: '职业高中' },
  { code: '47', label: '技工学校' },
  { code: '61', label: '普通高中' },
  { code: '71', label: '初中' },
  { code: '81', label: '小学' },
  { code: '90', label: '其他或无' },
] as const satisfies Table;

/** 健康状况 (GB/T 2261.3 subset used by the form); 6 残疾 asks for 伤残等级 (鞍人社〔2020〕21号 相关说明 2). */
export const HEALTH_STATUSES = [
  { code: '1', label: '健康或良好' },
  { code: '2', label: '一般或较弱' },
  { code: '3', label: '有慢性病' },
  { code: '6', label: '残疾' },
] as const satisfies Table;

/** The 健康状况 code that makes 伤残等级 required (鞍人社〔2020〕21号 相关说明 2: 如健康状况为残疾, 需注明伤残等级). */
export const HEALTH_DISABLED = '6';

/**
 * 伤残等级 一级 … 十级 (鞍人社〔2020〕21号 相关说明 2 asks for "伤残等级", the ten grades of GB/T 16180, not the four
 * grades of the 残疾人证). Codes are the grade numbers 1–10.
 */
export const DISABILITY_LEVELS = [
  { code: '1', label: '一级' },
  { code: '2', label: '二级' },
  { code: '3', label: '三级' },
  { code: '4', label: '四级' },
  { code: '5', label: '五级' },
  { code: '6', label: '六级' },
  { code: '7', label: '七级' },
  { code: '8', label: '八级' },
  { code: '9', label: '九级' },
  { code: '10', label: '十级' },
] as const satisfies Table;

/**
 * 登记失业地 (人社厅发〔2020〕79号 一(一): 户籍地、常住地、就业地、参保地). 就业地 = where the person's last 就业登记 /
 * 劳动用工备案 was; 参保地 = where they were last insured — neither follows from the addresses, so those two
 * need an explicit `registrationRegion`.
 */
export const REGISTRATION_PLACES = [
  { code: 'hukou', label: '户籍地' },
  { code: 'residence', label: '常住地' },
  { code: 'employment', label: '就业地' },
  { code: 'insurance', label: '参保地' },
] as const satisfies Table;

export type RegistrationPlace = (typeof REGISTRATION_PLACES)[number]['code'];

/** The places whose region is not one of the person's addresses (人社厅发〔2020〕79号 一(一)). */
export const PLACES_NEEDING_REGION: readonly RegistrationPlace[] = ['employment', 'insurance'];

/**
 * 失业原因: the 13 boxes of the 鞍人社〔2020〕21号 / 渝人社办〔2020〕79号 失业人员登记表, as docs/forms.md words them; the value stored is the
 * text itself (code = label) so exports and old records read without a lookup. `其他` needs `reasonOther`.
 */
export const UNEMPLOYMENT_REASONS = [
  { code: '从各类学校毕业、肄业', label: '从各类学校毕业、肄业' },
  { code: '被各类企业解除或终止劳动关系', label: '被各类企业解除或终止劳动关系' },
  { code: '企业破产倒闭终止劳动关系', label: '企业破产倒闭终止劳动关系' },
  { code: '从机关事业单位被辞退解聘', label: '从机关事业单位被辞退解聘' },
  { code: '从各类单位辞职', label: '从各类单位辞职' },
  { code: '私营企业、民办非企业业主停业、破产', label: '私营企业、民办非企业业主停业、破产' },
  { code: '终止从事个体工商户', label: '终止从事个体工商户' },
  { code: '承包土地被征用', label: '承包土地被征用' },
  {
    code: '从事一定收入的劳动但收入低于当地最低生活保障标准',
    label: '从事一定收入的劳动但收入低于当地最低生活保障标准',
  },
  { code: '退出公益性岗位', label: '退出公益性岗位' },
  { code: '军人退出现役且未纳入国家统一安置', label: '军人退出现役且未纳入国家统一安置' },
  { code: '刑满释放、假释、监外执行', label: '刑满释放、假释、监外执行' },
  { code: '其他', label: '其他' },
] as const satisfies Table;

export const REASON_OTHER = '其他';

/** 户籍性质 (渝人社办〔2020〕79号 form). code = label. */
export const HOUSEHOLD_TYPES = [
  { code: '家庭', label: '家庭' },
  { code: '集体', label: '集体' },
  { code: '城镇居民家庭', label: '城镇居民家庭' },
  { code: '农村居民家庭', label: '农村居民家庭' },
] as const satisfies Table;

/** 人员类别 (渝人社办〔2020〕79号 form, multi-select). code = label. */
export const PERSON_CATEGORIES = [
  { code: '高校毕业生', label: '高校毕业生' },
  { code: '4050人员', label: '4050人员' },
  { code: '零就业家庭人员', label: '零就业家庭人员' },
  { code: '低保家庭人员', label: '低保家庭人员' },
  { code: '农村建档立卡贫困户', label: '农村建档立卡贫困户' },
  { code: '去产能企业职工', label: '去产能企业职工' },
  { code: '特困救助供养人员', label: '特困救助供养人员' },
  { code: '复员退伍军人', label: '复员退伍军人' },
  { code: '残疾人员', label: '残疾人员' },
  { code: '刑满释放人员', label: '刑满释放人员' },
  { code: '戒毒康复人员', label: '戒毒康复人员' },
  { code: '初高中毕业生', label: '初高中毕业生' },
  { code: '农民工', label: '农民工' },
  { code: '中职毕业生', label: '中职毕业生' },
  { code: '西部志愿者', label: '西部志愿者' },
] as const satisfies Table;

/**
 * 人员类别 that come with a numbered certificate (渝人社办〔2020〕79号 form: 人员类别证件号码): 残疾人证, 退役证件,
 * 最低生活保障证, 特困人员救助供养证, 建档立卡 扶贫手册. The number is optional and never required: 人社厅发〔2020〕79号 一(二)
 * forbids asking for anything but the ID to prove who one is (the category is checked by data comparison).
 */
export const CATEGORIES_WITH_CERTIFICATE: readonly string[] = [
  '残疾人员',
  '复员退伍军人',
  '低保家庭人员',
  '特困救助供养人员',
  '农村建档立卡贫困户',
];

/** 灵活就业形式 (docs/forms.md; 吉人社函字〔2018〕175号 二(三)). code = label; `其他` needs `employmentFormOther`. */
export const EMPLOYMENT_FORMS = [
  { code: '非全日制用工', label: '非全日制用工' },
  { code: '临时性就业', label: '临时性就业' },
  { code: '新就业形态（平台）', label: '新就业形态（平台）' },
  { code: '自由职业', label: '自由职业' },
  { code: '其他', label: '其他' },
] as const satisfies Table;

export const EMPLOYMENT_FORM_PLATFORM = '新就业形态（平台）';
export const EMPLOYMENT_FORM_OTHER = '其他';

/**
 * Why staff reject an application (`decideApplication`). Deliberately no code for 材料不全, 未参保,
 * 不符合领金条件 or 户籍不在本地: 人社厅发〔2020〕79号 一(二) 严禁以资料（材料）不全、未参保、不符合领金条件等理由拒绝登记, and
 * 大人社规发〔2025〕2号 三(一) 不得以人户分离、户籍不在本地或没有档案等为由不予受理. R90 needs a written explanation.
 */
export const REJECTION_REASONS = [
  { code: 'R01', label: '身份信息经核实不符' },
  { code: 'R02', label: '已依法享受基本养老保险待遇' },
  { code: 'R03', label: '经核实处于就业状态' },
  { code: 'R04', label: '重复申请' },
  { code: 'R05', label: '申请人撤回' },
  { code: 'R90', label: '其他（须填写说明）', needsNote: true },
] as const satisfies Table<CodeItem & { needsNote?: boolean }>;

/**
 * 注销失业登记原因 AJC00A (人社厅发〔2020〕79号 附件, 代码定义). 31 and 32 may not end a registration on their own
 * (人社厅发〔2020〕79号 一(四): 不能简单以连续3次拒绝接受公共就业服务、连续6个月无法取得联系为由注销), so staff must record
 * how they verified it, and no timer may apply them.
 */
export const DEREGISTRATION_REASONS = [
  { code: '11', label: '被各类用人单位录用或招聘' },
  { code: '12', label: '从事个体经营、创办企业或民办非企业' },
  { code: '13', label: '已从事有稳定收入的劳动，并且月收入不低于当地最低生活保障标准' },
  { code: '14', label: '公益性岗位安置' },
  { code: '21', label: '已依法享受基本养老保险待遇' },
  { code: '23', label: '完全丧失劳动能力' },
  { code: '24', label: '入学、应征服兵役、移居境外' },
  { code: '25', label: '被判刑收监执行' },
  { code: '26', label: '死亡' },
  { code: '31', label: '连续3次拒绝接受公共就业服务', needsVerificationNote: true },
  { code: '32', label: '连续6个月无法取得联系', needsVerificationNote: true },
  { code: '90', label: '其他' },
] as const satisfies Table<CodeItem & { needsVerificationNote?: boolean }>;

/** The label of `code` in `table`, or undefined when the code is not in it. */
export function labelOf(table: readonly CodeItem[], code: unknown): string | undefined {
  if (typeof code !== 'string') return undefined;
  for (const item of table) if (item.code === code) return item.label;
  return undefined;
}

/** True when `code` is one of the table's codes (exact match, no trimming). */
export function isCode(table: readonly CodeItem[], code: unknown): boolean {
  return labelOf(table, code) !== undefined;
}

/** The codes of a table as a non-empty tuple, for `z.enum`. */
export function codesOf<const T extends readonly CodeItem[]>(table: T): [T[number]['code'], ...T[number]['code'][]] {
  return table.map((item) => item.code) as unknown as [T[number]['code'], ...T[number]['code'][]];
}

/**
 * 联系方式 of a contact attempt (人社厅发〔2020〕79号 一(三): 通过电话、短信等方式主动联系; 鞍人社〔2020〕21号 五: 实地走访、电话调查).
 * Recorded with every attempt, so the record shows how a person was sought (AJC00A 32 rests on it).
 */
export const CONTACT_CHANNELS = [
  { code: 'phone', label: '电话' },
  { code: 'sms', label: '短信' },
  { code: 'visit', label: '上门走访' },
  { code: 'community', label: '社区（村）协助' },
  { code: 'other', label: '其他方式' },
] as const satisfies Table;

/**
 * The public employment services offered on a contact (人社厅发〔2020〕79号 一(三): 职业介绍、职业指导、职业技能培训信息、
 * 创业开业指导; 大人社规发〔2025〕2号 三(三): 招聘活动, 政策清单). Each offer is recorded as accepted or refused, with
 * its date — AJC00A 31 (连续3次拒绝接受公共就业服务) rests on these records and nothing else.
 */
/**
 * 就业状况 heard on a reached contact (大人社规发〔2025〕2号 三(三): 每月至少…电话回访，详细了解失业原因、技能水平、
 * 就业意愿等情况). A job heard of never ends a registration by itself: the person is asked to report it.
 */
export const FOLLOW_UP_EMPLOYMENT_STATUSES = [
  { code: 'seeking', label: '仍在求职' },
  { code: 'employed', label: '已就业' },
  { code: 'self_employed', label: '已自主创业或灵活就业' },
  { code: 'not_seeking', label: '暂无求职意愿' },
] as const satisfies Table;

export const SERVICE_OFFERS = [
  { code: 'job_referral', label: '职业介绍（推荐岗位）' },
  { code: 'career_guidance', label: '职业指导' },
  { code: 'training', label: '职业技能培训' },
  { code: 'startup', label: '创业开业指导' },
  { code: 'job_fair', label: '招聘活动' },
  { code: 'policy', label: '就业创业政策咨询' },
] as const satisfies Table;

/**
 * 在常住地稳定就业时间 of a 农村户籍 or non-local person (吉人社函字〔2018〕175号 四(三): 在常住地稳定就业满6个月的和不满6个月的
 * 分别统计). Asked only where the region's profile reports them apart (shared/region-profiles.ts).
 */
export const STABLE_EMPLOYMENT_AT_RESIDENCE = [
  { code: '6m_or_more', label: '满6个月' },
  { code: 'under_6m', label: '不满6个月' },
] as const satisfies Table;
