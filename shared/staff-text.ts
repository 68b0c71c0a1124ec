/**
 * Screening of what staff write to or about a person (rejection notes, return-for-correction notes,
 * deregistration notes). The reason codes already leave out every reason the notices forbid
 * (shared/codes.ts REJECTION_REASONS); this closes the same door for free text, where "其他" with
 * "材料不全，请补交离职证明" would otherwise reach the citizen. The banned phrasings live here, once,
 * each with the words of the notice that forbids it. Pure; runs on the staff pages and in the cloud.
 *
 * Every message names its rule in plain Chinese, for the staff member who typed the text
 * ("依据人社厅发〔2020〕79号 一(二)，…").
 */

export interface ForbiddenReason {
  /** short name, for docs/rules.md and tests */
  id: string;
  /** the notice and section */
  citation: string;
  /** the notice's own words (short quote) */
  quote: string;
  /** phrasings that state or imply the forbidden reason */
  patterns: readonly RegExp[];
  /** what staff read when their text matches */
  message: string;
}

// Documents beyond the ID that staff may not ask for (人社厅发〔2020〕79号 一(二)). 身份证 / 社会保障卡 are allowed.
const DOCUMENT = '(?:证明|证书|户口本|户口簿|户籍证明|档案|劳动合同|合同|毕业证|学位证|学历证|离职单|解除协议|材料|资料)';
const ASK = '(?:提供|补交|补充|补齐|提交|出具|开具|携带|带上|带齐|上传|补传|交来|拿来|准备|递交|出示)';
const LOCAL = '(?:本地|本市|本区|本县|当地|我市|我区|我县|我省|本省|大连|鞍山)';

export const FORBIDDEN_REASONS: readonly ForbiddenReason[] = [
  {
    id: 'materials',
    citation: '人社厅发〔2020〕79号 一(二)',
    quote: '严禁以资料（材料）不全、未参保、不符合领金条件等理由拒绝登记',
    patterns: [
      /(?:材料|资料|手续|证件|证明)(?:不全|不齐|不完整|不完善|不足|欠缺|缺失|不够|没带|未带|未提供|没有提供)/,
      /缺(?:少|失)?[^，。；,.;]{0,4}(?:材料|资料|证明|证书|毕业证|合同)/,
      /(?:补交|补齐|补充|补传)(?:相关|有关)?(?:的)?(?:材料|资料)/,
    ],
    message: '依据人社厅发〔2020〕79号 一(二)，严禁以材料不全为由拒绝登记（实行告知承诺制，信息可通过比对或人工核查核验）',
  },
  {
    id: 'documents',
    citation: '人社厅发〔2020〕79号 一(二)',
    quote: '不得要求失业人员提供除本人身份证件以外其他证明原身份的有关证明，不得要求提供终止或解除劳动关系证明，不得要求提供毕业证书、学历证书、技能等级证书、档案等材料',
    patterns: [
      new RegExp(`${ASK}[^，。；！？,.;!?]{0,14}${DOCUMENT}`),
      /(?:离职|辞职|解除劳动(?:关系|合同)?|终止劳动(?:关系|合同)?|失业|无业|待业|收入|居住|工作)证明/,
      /户口(?:本|簿)|毕业证|学位证|技能等级证/,
    ],
    message: '依据人社厅发〔2020〕79号 一(二)，除本人身份证件外，不得要求提供任何证明或材料（离职证明、户口本、毕业证书、档案等均不得要求）',
  },
  {
    id: 'insurance',
    citation: '人社厅发〔2020〕79号 一(二)',
    quote: '不得与是否在当地参加社会保险挂钩',
    patterns: [
      /(?:未|没有|没|无|不曾|从未)(?:在(?:本地|当地|本市|我市))?(?:参保|参加(?:社会)?保险|缴纳?(?:社保|社会保险)|交(?:社保|社会保险)|社保记录|参保记录|缴费记录)/,
      /(?:社保|社会保险|失业保险)(?:未缴|没缴|断缴|欠缴|未参保|不在本地|不在当地|缴费不足|缴费年限不足)/,
      /非(?:本地|当地)参保/,
    ],
    message: '依据人社厅发〔2020〕79号 一(二)，失业登记不得与是否在当地参加社会保险挂钩，严禁以未参保为由拒绝登记',
  },
  {
    id: 'benefits',
    citation: '人社厅发〔2020〕79号 一(二)',
    quote: '不得与是否符合领取失业保险金条件关联……严禁以……不符合领金条件等理由拒绝登记',
    patterns: [
      /(?:不符合|不满足|不具备|达不到|不够)[^，。；,.;]{0,8}(?:领金|领取|失业保险金|失业金|失业保险待遇)/,
      /(?:不能|无法|不可以?|不得)(?:申?领取?|享受)[^，。；,.;]{0,4}(?:失业保险金|失业金|失业保险待遇)/,
    ],
    message: '依据人社厅发〔2020〕79号 一(二)，失业登记不得与是否符合领取失业保险金条件关联，严禁以不符合领金条件为由拒绝登记',
  },
  {
    id: 'hukou',
    citation: '大人社规发〔2025〕2号 三(一)；人社厅发〔2020〕79号 一(一)',
    quote: '不得以人户分离、户籍不在本地或没有档案等为由不予受理',
    patterns: [
      /(?:外地|外省|外市|外县|外区|非本地|非本市|非当地|异地|外埠)(?:户口|户籍|人员|居民|人)/,
      new RegExp(`户(?:口|籍)[^，。；,.;]{0,6}(?:不在|不属于?|不是|非)${LOCAL}`),
      /(?:回|到|去|在)户(?:口|籍)(?:所在)?地(?:办理|登记|申请)/,
      /农村户(?:口|籍)/,
    ],
    message: '依据大人社规发〔2025〕2号 三(一)，不得以户籍不在本地为由不予受理；人社厅发〔2020〕79号 一(一) 允许在户籍地、常住地、就业地或参保地登记',
  },
  {
    id: 'separation',
    citation: '大人社规发〔2025〕2号 三(一)',
    quote: '不得以人户分离……为由不予受理',
    patterns: [/人户分离/, /户(?:口|籍)(?:地)?与(?:常住|居住|现住)(?:地|地址)?不一致/, /(?:户口|户籍)和(?:常住|居住|现住)(?:地|地址)?不(?:一致|在一起)/],
    message: '依据大人社规发〔2025〕2号 三(一)，不得以人户分离为由不予受理',
  },
  {
    id: 'archive',
    citation: '大人社规发〔2025〕2号 三(一)；人社厅发〔2020〕79号 一(二)',
    quote: '不得以……没有档案等为由不予受理',
    patterns: [/(?:没有|无|缺少?|未|没)[^，。；,.;]{0,4}档案/, /档案(?:不在|未转|没转|缺失|不全|丢失)/, /(?:调取|调入|转入|转移|转来)[^，。；,.;]{0,4}档案/],
    message: '依据大人社规发〔2025〕2号 三(一)，不得以没有档案为由不予受理；人社厅发〔2020〕79号 一(二) 也不得要求提供档案',
  },
];

export interface ScreeningHit {
  reason: ForbiddenReason;
  /** the words that matched, to show staff what to remove */
  matched: string;
}

/** Every forbidden reason the text states (at most one hit per reason), in list order. */
export function forbiddenReasonsIn(text: string): ScreeningHit[] {
  const s = text.replace(/\s+/g, '');
  const hits: ScreeningHit[] = [];
  for (const reason of FORBIDDEN_REASONS) {
    for (const p of reason.patterns) {
      const m = p.exec(s);
      if (m) {
        hits.push({ reason, matched: m[0] });
        break;
      }
    }
  }
  return hits;
}

/** The message to show for a staff text that states a forbidden reason, or undefined when it is clean. */
export function forbiddenReasonProblem(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const hits = forbiddenReasonsIn(text);
  if (hits.length === 0) return undefined;
  const first = hits[0];
  return `${first.reason.message}。请删去“${first.matched}”后再提交`;
}

// ---- "a real sentence" -------------------------------------------------------------------------

/**
 * A written explanation staff must give (AJC00A 90 其他, the verification of 31/32): at least
 * SENTENCE_MIN_CHARS characters, of which at least SENTENCE_MIN_HAN are Chinese characters and at
 * least SENTENCE_MIN_DISTINCT_HAN different ones — so "。。。。。。。。。。。。。。。", "1111111111111111" or
 * "情况情况情况情况情况" do not count as an explanation.
 */
export const SENTENCE_MIN_CHARS = 15;
export const SENTENCE_MIN_HAN = 10;
export const SENTENCE_MIN_DISTINCT_HAN = 6;

/** Why `text` is not yet a real sentence (the message for staff), or undefined when it is one. */
export function sentenceProblem(text: string | undefined, what: string): string | undefined {
  const s = (text ?? '').replace(/\s+/g, '');
  const han = s.match(/\p{Script=Han}/gu) ?? [];
  if ([...s].length < SENTENCE_MIN_CHARS || han.length < SENTENCE_MIN_HAN || new Set(han).size < SENTENCE_MIN_DISTINCT_HAN) {
    return `${what}须写成完整的一句话：不少于${SENTENCE_MIN_CHARS}个字，其中汉字不少于${SENTENCE_MIN_HAN}个，不能只是标点或重复的字`;
  }
  return undefined;
}

// ---- AJC00A 90 may not stand in for 31 / 32 -----------------------------------------------------

/** Words of a 90 note that describe refusals of services or lost contact — the grounds of 31 and 32. */
export const REFUSAL_OR_NO_CONTACT: readonly RegExp[] = [
  /(?:拒绝|不接受|不愿(?:意)?接受|不参加|不愿(?:意)?参加|推辞|拒不)[^，。；,.;]{0,10}(?:服务|培训|推荐|岗位|介绍|指导|面试|招聘|就业|联系)/,
  /(?:无法|不能|未能|没能|没法|难以|一直未|始终未|多次未)(?:取得|与其|和其|与本人|和本人)?联系/,
  /联系不(?:上|到)|失联|失去联系|杳无音讯|下落不明|音讯全无/,
  /(?:电话|手机|号码)[^，。；,.;]{0,6}(?:打不通|无人接听|停机|空号|关机|不接|拒接)/,
  /(?:多次|连续|三次|3次)[^，。；,.;]{0,6}(?:拒绝|拒接|未接)/,
];

/** The message when a code-90 note is about refusals or lost contact, else undefined. */
export function bypassProblem(note: string | undefined): string | undefined {
  if (!note) return undefined;
  const s = note.replace(/\s+/g, '');
  if (!REFUSAL_OR_NO_CONTACT.some((p) => p.test(s))) return undefined;
  return '依据人社厅发〔2020〕79号 一(四)，不能仅以连续3次拒绝接受公共就业服务或连续6个月无法取得联系为由注销；此类情形请选择代码31或32，系统将核对联系和服务记录，不能改用“其他”注销';
}

/**
 * The summary for a refused staff input: when a field was refused by a rule of a notice, that rule
 * ("依据人社厅发〔2020〕79号 …") is the summary, so staff read why and not only where; otherwise `fallback`.
 */
export function ruleFirstMessage(fields: Readonly<Record<string, string>>, fallback: string): string {
  return Object.values(fields).find((m) => m.startsWith('依据')) ?? fallback;
}
