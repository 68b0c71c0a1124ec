import { COMMITMENTS } from './commitment';
import { makeUnemploymentSchema } from './unemployment.schema';
import { TODAY, validUnemploymentInput } from '../test/support/shared-fixtures';
import { validate } from './validate';

const schema = makeUnemploymentSchema({ today: TODAY });
const check = (patch: Record<string, unknown>, s = schema) => validate(s, { ...validUnemploymentInput(), ...patch });

function fieldsOf(patch: Record<string, unknown>, s = schema): Record<string, string> {
  const r = check(patch, s);
  if (r.ok) throw new Error('expected the input to be refused');
  return r.fields;
}

describe('失业人员登记表', () => {
  it('accepts the fixture form', () => {
    const r = check({});
    expect(r.ok).toBe(true);
  });

  it('asks for each required field of the form (鞍人社〔2020〕21号 / 渝人社办〔2020〕79号: 标记“*”的为必填项)', () => {
    const input = validUnemploymentInput();
    for (const key of ['unemployedSince', 'registrationPlace', 'reason', 'claimsUnemploymentInsurance', 'commitment']) {
      delete input[key];
    }
    const r = validate(schema, input);
    expect(r.ok ? {} : r.fields).toEqual({
      unemployedSince: '请填写失业时间（年-月），如 2024-06',
      registrationPlace: '请选择在哪里登记失业：户籍地、常住地、就业地或参保地',
      reason: '请选择失业原因',
      claimsUnemploymentInsurance: '请选择是否申领失业保险金',
      commitment: '请阅读并勾选承诺',
    });
  });
});

describe('失业原因 (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件: 其他：____（请填写）)', () => {
  it('requires reasonOther for 其他', () => {
    expect(fieldsOf({ reason: '其他' })).toEqual({ reasonOther: '失业原因选了“其他”，请填写具体原因' });
  });

  it('keeps reasonOther for 其他', () => {
    const r = check({ reason: '其他', reasonOther: '照顾家人后重新求职' });
    expect(r.ok && r.data.reasonOther).toBe('照顾家人后重新求职');
  });

  it('drops a reasonOther left over from another reason', () => {
    const r = check({ reason: '从各类单位辞职', reasonOther: '旧的文字' });
    expect(r.ok && 'reasonOther' in r.data).toBe(false);
  });

  it('refuses a reason not on the form', () => {
    expect(fieldsOf({ reason: '辞职' })).toEqual({ reason: '请选择失业原因' });
  });

  it('accepts each of the 13 reasons', () => {
    const reasons = [
      '从各类学校毕业、肄业', '被各类企业解除或终止劳动关系', '企业破产倒闭终止劳动关系', '从机关事业单位被辞退解聘',
      '从各类单位辞职', '私营企业、民办非企业业主停业、破产', '终止从事个体工商户', '承包土地被征用',
      '从事一定收入的劳动但收入低于当地最低生活保障标准', '退出公益性岗位', '军人退出现役且未纳入国家统一安置',
      '刑满释放、假释、监外执行',
    ];
    for (const reason of reasons) expect(check({ reason }).ok).toBe(true);
    expect(check({ reason: '其他', reasonOther: '其他原因' }).ok).toBe(true);
  });
});

describe('人社厅发〔2020〕79号 一(一): 户籍地、常住地、就业地、参保地', () => {
  it.each([
    ['employment', '请选择就业地（失业前就业登记或劳动用工备案的地方）的省、市、县（区）'],
    ['insurance', '请选择参保地（失业前参加社会保险的地方）的省、市、县（区）'],
  ])('requires registrationRegion for %s', (registrationPlace, message) => {
    expect(fieldsOf({ registrationPlace })).toEqual({ registrationRegion: message });
  });

  it('keeps the chosen region for 就业地', () => {
    const r = check({ registrationPlace: 'employment', registrationRegion: '210211' });
    expect(r.ok && r.data.registrationRegion).toBe('210211');
  });

  it('refuses a region that is not a county', () => {
    expect(fieldsOf({ registrationPlace: 'insurance', registrationRegion: '210200' })).toEqual({
      registrationRegion: '请从列表中选择登记失业地，选到县（区）一级',
    });
  });

  it.each([
    ['hukou', '210202'],
    ['residence', '210203'],
  ])('for %s the region is that address\'s county', (registrationPlace, region) => {
    const r = check({ registrationPlace, registrationRegion: '110101' });
    expect(r.ok && r.data.registrationRegion).toBe(region);
  });
});

describe('人员类别 (渝人社办〔2020〕79号 form, multi-select) and its certificate number', () => {
  it('accepts several categories', () => {
    const r = check({ personCategories: ['高校毕业生', '农民工'] });
    expect(r.ok && r.data.personCategories).toEqual(['高校毕业生', '农民工']);
  });

  it('refuses the same category twice', () => {
    expect(fieldsOf({ personCategories: ['农民工', '农民工'] })).toEqual({ personCategories: '人员类别不能重复选择' });
  });

  it('refuses a category not on the list, at its index', () => {
    expect(fieldsOf({ personCategories: ['农民工', '失业人员'] })).toEqual({
      'personCategories.1': '请从列表中选择人员类别',
    });
  });

  it('keeps the certificate number with a category that has a certificate (残疾人员)', () => {
    const r = check({ personCategories: ['残疾人员'], categoryCertificateNo: '21020419900315137041' });
    expect(r.ok && r.data.categoryCertificateNo).toBe('21020419900315137041');
  });

  it('人社厅发〔2020〕79号 一(二): never requires the certificate number', () => {
    expect(check({ personCategories: ['残疾人员', '复员退伍军人'] }).ok).toBe(true);
  });

  it('drops a certificate number when no chosen category has a certificate', () => {
    const r = check({ personCategories: ['农民工'], categoryCertificateNo: 'ABC123' });
    expect(r.ok && 'categoryCertificateNo' in r.data).toBe(false);
  });

  it('checks the certificate number format', () => {
    expect(fieldsOf({ personCategories: ['残疾人员'], categoryCertificateNo: '残疾证 123' })).toEqual({
      categoryCertificateNo: '人员类别证件号码只能是字母、数字，不超过30位，可不填',
    });
  });
});

describe('求职意向 (渝人社办〔2020〕79号 form: three rows) and 其他需要说明的事项', () => {
  it('keeps up to 3, dropping blank rows', () => {
    const r = check({ jobIntentions: ['仓库管理', '', '叉车司机'] });
    expect(r.ok && r.data.jobIntentions).toEqual(['仓库管理', '叉车司机']);
  });

  it('refuses a fourth', () => {
    expect(fieldsOf({ jobIntentions: ['a', 'b', 'c', 'd'] })).toEqual({ jobIntentions: '求职意向最多填写3项' });
  });

  it('limits each to 20 characters, on its own row', () => {
    expect(fieldsOf({ jobIntentions: ['会计', '岗'.repeat(21)] })).toEqual({ 'jobIntentions.1': '每项求职意向不超过20个字' });
  });

  it('limits remarks to 500 characters', () => {
    expect(check({ remarks: '字'.repeat(500) }).ok).toBe(true);
    expect(fieldsOf({ remarks: '字'.repeat(501) })).toEqual({ remarks: '其他需要说明的事项不超过500个字（现在501个字）' });
  });
});

describe('失业时间 unemployedSince (YYYY-MM)', () => {
  it('accepts the current month', () => {
    expect(check({ unemployedSince: '2026-03' }).ok).toBe(true);
  });

  it('refuses next month', () => {
    expect(fieldsOf({ unemployedSince: '2026-04' })).toEqual({ unemployedSince: '失业时间不能晚于本月（2026年3月）' });
  });

  it.each([['2026-3'], ['2026-13'], ['2026-00'], ['2026-03-01'], ['三月']])('refuses the malformed %p', (unemployedSince) => {
    expect(fieldsOf({ unemployedSince })).toEqual({ unemployedSince: '失业时间格式为 年-月，如 2024-06' });
  });

  it('鞍人社〔2020〕21号 一: accepts the month the person turned 16 (赵海涛, born 1990-03-15 → 2006-03)', () => {
    expect(check({ unemployedSince: '2006-03' }).ok).toBe(true);
  });

  it('鞍人社〔2020〕21号 一: refuses the month before', () => {
    expect(fieldsOf({ unemployedSince: '2006-02' })).toEqual({
      unemployedSince: '失业时间不能早于年满16周岁的月份（2006年3月）',
    });
  });

  it('uses the given birth date for a 通行证 holder', () => {
    // 港澳台居民 also answer 在内地（大陆）就业后失业 (鞍人社〔2020〕21号 一; issue 12 §7)
    const permit = { idType: '04', idNumber: 'H12345678', birthDate: '2000-07-01', employedInMainlandBefore: true };
    expect(check({ ...permit, unemployedSince: '2016-07' }).ok).toBe(true);
    expect(fieldsOf({ ...permit, unemployedSince: '2016-06' })).toEqual({
      unemployedSince: '失业时间不能早于年满16周岁的月份（2016年7月）',
    });
  });

  it('does not add a month message for someone under 16: the age message says it', () => {
    expect(fieldsOf({ idNumber: '210212201105019012', unemployedSince: '2026-01' })).toEqual({
      idNumber: '未满16周岁，暂不能办理',
    });
  });
});

describe('户籍性质 (渝人社办〔2020〕79号 form)', () => {
  it('is optional by default', () => {
    expect(check({}).ok).toBe(true);
    const r = check({ householdType: '农村居民家庭' });
    expect(r.ok && r.data.householdType).toBe('农村居民家庭');
  });

  it('is required where the region says so', () => {
    const strict = makeUnemploymentSchema({ today: TODAY }, { householdTypeRequired: true });
    expect(fieldsOf({}, strict)).toEqual({ householdType: '请选择户籍性质' });
    expect(check({ householdType: '集体' }, strict).ok).toBe(true);
  });

  it('refuses a value not on the list', () => {
    expect(fieldsOf({ householdType: '非农业' })).toEqual({ householdType: '请选择户籍性质' });
  });
});

describe('the commitment (鞍人社〔2020〕21号 附件1; 人社厅发〔2020〕79号 一(二) 告知承诺制)', () => {
  it('must be ticked', () => {
    expect(fieldsOf({ commitment: { accepted: false, textVersion: COMMITMENTS.unemployment.version } })).toEqual({
      'commitment.accepted': '请阅读并勾选承诺',
    });
  });

  it('must be the current unemployment text, not the flexible one', () => {
    expect(fieldsOf({ commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version } })).toEqual({
      'commitment.textVersion': '承诺书内容已更新，请重新阅读并勾选承诺',
    });
  });
});

describe('claimsUnemploymentInsurance', () => {
  it('is a yes/no answer, never a condition (人社厅发〔2020〕79号 一(二))', () => {
    expect(check({ claimsUnemploymentInsurance: true }).ok).toBe(true);
    expect(fieldsOf({ claimsUnemploymentInsurance: 'yes' })).toEqual({
      claimsUnemploymentInsurance: '请选择是否申领失业保险金',
    });
  });
});
