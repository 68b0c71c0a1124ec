/**
 * The screening of staff free text (人社厅发〔2020〕79号 一(二)(四), 大人社规发〔2025〕2号 三(一)): realistic phrasings a
 * reviewer might type are refused with the rule named; ordinary explanations pass.
 */
import { bypassProblem, forbiddenReasonProblem, forbiddenReasonsIn, sentenceProblem, FORBIDDEN_REASONS } from './staff-text';

const ids = (text: string) => forbiddenReasonsIn(text).map((h) => h.reason.id);

describe('forbidden rejection reasons in free text (人社厅发〔2020〕79号 一(二), 大人社规发〔2025〕2号 三(一))', () => {
  it.each([
    ['材料不全，请补交离职证明', ['materials', 'documents']],
    ['请提供户口本', ['documents']],
    ['未参保不予登记', ['insurance']],
    ['外地户口', ['hukou']],
    ['户籍不在本市，请回户籍地办理', ['hukou']],
    ['请提供与原单位解除劳动合同的证明', ['documents']],
    ['缺少毕业证书复印件', ['materials', 'documents']],
    ['资料不齐全，补齐后再申请', ['materials']],
    ['申请人没有在我市缴纳社保', ['insurance']],
    ['无参保记录', ['insurance']],
    ['不符合领取失业保险金条件', ['benefits']],
    ['不能领取失业金，故不予登记', ['benefits']],
    ['人户分离，不予受理', ['separation']],
    ['户籍与常住地不一致', ['separation']],
    ['没有档案', ['archive']],
    ['档案未转入，请先调取档案', ['archive']],
    ['请上传 离职 证明', ['documents']],
    ['非本地户籍人员不予受理', ['hukou']],
  ])('refuses %s', (text, expected) => {
    const found = ids(text);
    for (const id of expected) expect(found).toContain(id);
    const message = forbiddenReasonProblem(text)!;
    expect(message).toMatch(/^依据(人社厅发〔2020〕79号|大人社规发〔2025〕2号)/);
    expect(message).toMatch(/请删去“.+”后再提交$/);
  });

  it.each([
    '经核实，身份证号码与姓名不一致，非本人申请',
    '经比对社会保险记录，申请人在大连星海机械有限公司参保缴费至今，处于就业状态',
    '申请人于3月12日来电要求撤回本次申请',
    '经核实已于2025年10月起领取基本养老保险待遇',
    '同一申请人已有一条办理中的失业登记申请，本条为重复提交',
    '请本人携带身份证到就近服务窗口核实身份',
    '经电话核实，申请人已在外地找到工作并入职',
    '申请人表示已被甲公司录用，入职时间为2026年3月1日',
  ])('lets %s pass', (text) => {
    expect(forbiddenReasonsIn(text)).toEqual([]);
    expect(forbiddenReasonProblem(text)).toBeUndefined();
  });

  it('keeps each forbidden reason with its citation and the notice\'s words', () => {
    for (const r of FORBIDDEN_REASONS) {
      expect(r.citation).toMatch(/(人社厅发〔2020〕79号|大人社规发〔2025〕2号) [一二三四]\([一二三四五]\)/);
      expect(r.quote.length).toBeGreaterThan(5);
      expect(r.message.startsWith('依据')).toBe(true);
    }
  });
});

describe('a real sentence (AJC00A 90, the verification of 31/32)', () => {
  it.each(['', '其他', '。。。。。。。。。。。。。。。。', '1111111111111111111', '情况情况情况情况情况情况情况情况', '已核实，见附件。'])('refuses %j', (text) => {
    expect(sentenceProblem(text, '说明')).toMatch(/不少于15个字/);
  });
  it('accepts a sentence that says something', () => {
    expect(sentenceProblem('本人书面申请，因长期出国定居，要求注销失业登记', '说明')).toBeUndefined();
  });
});

describe('AJC00A 90 cannot stand in for 31 / 32 (人社厅发〔2020〕79号 一(四))', () => {
  it.each([
    '多次电话联系均无人接听，无法取得联系，予以注销',
    '本人连续三次拒绝参加推荐的招聘会和培训',
    '长期失联，社区也联系不上本人',
    '手机号码已停机，上门也找不到人',
    '拒不接受职业指导服务，予以注销',
  ])('refuses %s', (text) => {
    expect(bypassProblem(text)).toMatch(/^依据人社厅发〔2020〕79号 一\(四\)，不能仅以连续3次拒绝/);
  });
  it.each(['本人书面申请，因长期出国定居，要求注销失业登记', '经民政部门数据比对，申请人已于本月去世'])('lets %s pass', (text) => {
    expect(bypassProblem(text)).toBeUndefined();
  });
});
