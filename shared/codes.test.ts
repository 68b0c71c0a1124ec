import {
  CATEGORIES_WITH_CERTIFICATE,
  DEREGISTRATION_REASONS,
  DISABILITY_LEVELS,
  EDUCATIONS,
  EMPLOYMENT_FORMS,
  ETHNICITIES,
  GENDERS,
  HEALTH_STATUSES,
  HOUSEHOLD_TYPES,
  ID_TYPES,
  PERSON_CATEGORIES,
  POLITICAL_STATUSES,
  REGISTRATION_PLACES,
  REJECTION_REASONS,
  UNEMPLOYMENT_REASONS,
  type CodeItem,
  isCode,
  labelOf,
} from './codes';

const codes = (t: readonly CodeItem[]) => t.map((i) => i.code);

describe('code tables', () => {
  const all: [string, readonly CodeItem[]][] = [
    ['ID_TYPES', ID_TYPES],
    ['GENDERS', GENDERS],
    ['ETHNICITIES', ETHNICITIES],
    ['POLITICAL_STATUSES', POLITICAL_STATUSES],
    ['EDUCATIONS', EDUCATIONS],
    ['HEALTH_STATUSES', HEALTH_STATUSES],
    ['DISABILITY_LEVELS', DISABILITY_LEVELS],
    ['REGISTRATION_PLACES', REGISTRATION_PLACES],
    ['UNEMPLOYMENT_REASONS', UNEMPLOYMENT_REASONS],
    ['HOUSEHOLD_TYPES', HOUSEHOLD_TYPES],
    ['PERSON_CATEGORIES', PERSON_CATEGORIES],
    ['EMPLOYMENT_FORMS', EMPLOYMENT_FORMS],
    ['REJECTION_REASONS', REJECTION_REASONS],
    ['DEREGISTRATION_REASONS', DEREGISTRATION_REASONS],
  ];

  it.each(all)('%s has unique codes and unique, non-empty labels', (_, table) => {
    expect(new Set(codes(table)).size).toBe(table.length);
    expect(new Set(table.map((i) => i.label)).size).toBe(table.length);
    for (const item of table) expect(item.label.trim()).not.toBe('');
  });

  it('AAC058: the six ID types of docs/forms.md, 04/05 told apart by region', () => {
    expect(codes(ID_TYPES)).toEqual(['01', '17', '04', '05', '90']); // 06 台胞证 refused (TAIWAN_PASS)
    expect(labelOf(ID_TYPES, '04')).toContain('香港');
    expect(labelOf(ID_TYPES, '05')).toContain('澳门');
    expect(labelOf(ID_TYPES, '17')).toBe('港澳台居民居住证');
  });

  it('GB/T 3304: 56 nationalities 01–56 plus 97 其他 and 98 外国血统中国籍人士', () => {
    expect(ETHNICITIES).toHaveLength(58);
    expect(codes(ETHNICITIES).slice(0, 56)).toEqual(Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(labelOf(ETHNICITIES, '01')).toBe('汉族');
    expect(labelOf(ETHNICITIES, '56')).toBe('基诺族');
    expect(labelOf(ETHNICITIES, '97')).toBe('其他');
    expect(labelOf(ETHNICITIES, '98')).toBe('外国血统中国籍人士');
  });

  it('GB/T 4762: 01 中共党员 … 13 群众', () => {
    expect(codes(POLITICAL_STATUSES)).toEqual(Array.from({ length: 13 }, (_, i) => String(i + 1).padStart(2, '0')));
    expect(labelOf(POLITICAL_STATUSES, '01')).toBe('中共党员');
    expect(labelOf(POLITICAL_STATUSES, '13')).toBe('群众');
  });

  it('GB/T 4658 education codes of docs/forms.md', () => {
    expect(codes(EDUCATIONS)).toEqual(['11', '14', '21', '31', '41', '44', '47', '61', '71', '81', '90']);
  });

  it('health 1/2/3/6 and 伤残等级 1–10 (鞍人社〔2020〕21号 相关说明 2)', () => {
    expect(codes(HEALTH_STATUSES)).toEqual(['1', '2', '3', '6']);
    expect(labelOf(HEALTH_STATUSES, '6')).toBe('残疾');
    expect(codes(DISABILITY_LEVELS)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
  });

  it('人社厅发〔2020〕79号 一(一): four registration places', () => {
    expect(REGISTRATION_PLACES.map((p) => `${p.code}:${p.label}`)).toEqual([
      'hukou:户籍地',
      'residence:常住地',
      'employment:就业地',
      'insurance:参保地',
    ]);
  });

  it('鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件: 13 unemployment reasons, code = text, 其他 last', () => {
    expect(UNEMPLOYMENT_REASONS).toHaveLength(13);
    for (const r of UNEMPLOYMENT_REASONS) expect(r.code).toBe(r.label);
    expect(UNEMPLOYMENT_REASONS[12].code).toBe('其他');
    expect(isCode(UNEMPLOYMENT_REASONS, '从事一定收入的劳动但收入低于当地最低生活保障标准')).toBe(true);
  });

  it('渝人社办〔2020〕79号 form: 4 household types and 15 person categories, code = text', () => {
    expect(codes(HOUSEHOLD_TYPES)).toEqual(['家庭', '集体', '城镇居民家庭', '农村居民家庭']);
    expect(PERSON_CATEGORIES).toHaveLength(15);
    for (const c of PERSON_CATEGORIES) expect(c.code).toBe(c.label);
    for (const c of CATEGORIES_WITH_CERTIFICATE) expect(isCode(PERSON_CATEGORIES, c)).toBe(true);
  });

  it('灵活就业 forms, with the platform form spelled with full-width parentheses', () => {
    expect(codes(EMPLOYMENT_FORMS)).toEqual(['非全日制用工', '临时性就业', '新就业形态（平台）', '自由职业', '其他']);
  });

  it('人社厅发〔2020〕79号 一(二), 大人社规发〔2025〕2号 三(一): no rejection reason stands for a forbidden one', () => {
    expect(codes(REJECTION_REASONS)).toEqual(['R01', 'R02', 'R03', 'R04', 'R05', 'R90']);
    const labels = REJECTION_REASONS.map((r) => r.label).join('|');
    for (const forbidden of ['材料', '参保', '领金', '失业保险金', '户籍', '档案', '人户分离']) {
      expect(labels).not.toContain(forbidden);
    }
    expect(REJECTION_REASONS.find((r) => r.code === 'R90')).toMatchObject({ needsNote: true });
  });

  it('人社厅发〔2020〕79号 AJC00A: the 12 deregistration codes, 31 and 32 need a verification note (人社厅发〔2020〕79号 一(四))', () => {
    expect(codes(DEREGISTRATION_REASONS)).toEqual(['11', '12', '13', '14', '21', '23', '24', '25', '26', '31', '32', '90']);
    const flagged = DEREGISTRATION_REASONS.filter((r) => 'needsVerificationNote' in r && r.needsVerificationNote).map((r) => r.code);
    expect(flagged).toEqual(['31', '32']);
    expect(labelOf(DEREGISTRATION_REASONS, '32')).toBe('连续6个月无法取得联系');
  });
});

describe('labelOf / isCode', () => {
  it('finds a label by exact code', () => {
    expect(labelOf(GENDERS, '2')).toBe('女');
    expect(isCode(GENDERS, '1')).toBe(true);
  });
  it.each([['3'], [' 1'], [1], [null], [undefined], ['toString'], ['__proto__']])('knows %p is not a code', (code) => {
    expect(labelOf(GENDERS, code)).toBeUndefined();
    expect(isCode(GENDERS, code)).toBe(false);
  });
});
