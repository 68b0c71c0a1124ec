/**
 * 人社厅发〔2020〕79号 附件 《失业登记退出数据上报对接方案》 二(一): each 校验规则 with a record that breaks it.
 */
import { mod11_2 } from './id-number';
import { INDICATORS, exportRuleViolations, toCsv, uniqueId, type ExportRecord } from './export.rules';

const body = '21020419880612013'; // 17th digit 3: odd = 男
const id = body + mod11_2(body);
const good: ExportRecord = {
  AAB301: '210204', AAZ341: '202604010000000001', AAC003: '赵海涛', AAC002: id, AAC058: '01', AAC044: id,
  ADC210: '20260401', AJC00A: '11', AAE011: '大连审核员', AAE036: '20260401', AAE013: '',
};
const ctx = { today: '20260401', gender: '1' };
const breaks = (patch: Partial<ExportRecord>, c = ctx) => exportRuleViolations({ ...good, ...patch }, c);

describe('national export validation rules (人社厅发〔2020〕79号 附件 二(一))', () => {
  it('accepts a record that keeps every rule', () => {
    expect(exportRuleViolations(good, ctx)).toEqual([]);
  });
  it('requires every mandatory indicator (是否必填 = 是)', () => {
    expect(breaks({ AAZ341: '' })).toContain('AAZ341 必填');
    expect(breaks({ AAE011: '' })).toContain('AAE011 必填');
    expect(breaks({ AAE013: '' })).toEqual([]); // 备注 is optional
  });
  it('AAB301 must be a 行政区划代码 of the table', () => {
    expect(breaks({ AAB301: '219999' })).toContain('AAB301 必须在行政区划代码表中');
  });
  it('AAZ341 is at most 18 characters', () => {
    expect(breaks({ AAZ341: '2026040100000000012' })).toContain('AAZ341 长度不超过18');
  });
  it('AAC003 may not contain half- or full-width spaces', () => {
    expect(breaks({ AAC003: '赵 海涛' })).toContain('AAC003 不能含有半角或全角空格');
    expect(breaks({ AAC003: '赵\u3000海涛' })).toContain('AAC003 不能含有半角或全角空格');
  });
  it('AAC002 not starting with a letter is 15 or 18 long', () => {
    expect(breaks({ AAC002: '2102041988061201' })).toContain('AAC002 首位不是字母的，长度为15或18位');
  });
  it('AAC002 of 15 has digits only', () => {
    expect(breaks({ AAC002: '21020488061201X' })).toContain('AAC002 15位公民身份号码不能含有非数字字符');
  });
  it('AAC002 of 18 has 17 leading digits', () => {
    expect(breaks({ AAC002: '2102041988061201A3' })).toContain('AAC002 18位公民身份号码前17位不能含有非数字字符');
  });
  it('AAC002 of 18 has a valid check character', () => {
    const wrong = body + (id[17] === '0' ? '1' : '0');
    expect(breaks({ AAC002: wrong })).toContain('AAC002 18位公民身份号码第18位必须符合校验规则');
  });
  it('AAC002 agrees with the gender', () => {
    expect(breaks({}, { today: '20260401', gender: '2' })).toContain('AAC002 公民身份号码与性别相符');
  });
  it('AAC058 and AJC00A must be in their code tables', () => {
    expect(breaks({ AAC058: '99' })).toContain('AAC058 必须在代码表中');
    expect(breaks({ AJC00A: '22' })).toContain('AJC00A 必须在代码表中');
  });
  it('ADC210 and AAE036 are valid YYYYMMDD dates not after today', () => {
    expect(breaks({ ADC210: '20260230' })).toContain('ADC210 格式为YYYYMMDD的有效日期');
    expect(breaks({ ADC210: '20260402' })).toContain('ADC210 早于或等于系统当前日期');
    expect(breaks({ AAE036: '2026-04-01' })).toContain('AAE036 格式为YYYYMMDD的有效日期');
    expect(breaks({ AAE036: '20270101' })).toContain('AAE036 早于或等于系统当前日期');
  });
  it('AAE011 may not contain spaces and is at most 20 characters', () => {
    expect(breaks({ AAE011: '王 经办' })).toContain('AAE011 不能含有半角或全角空格');
    expect(breaks({ AAE011: '经'.repeat(21) })).toContain('AAE011 长度不超过20');
  });
  it('AAE013 is at most 100 characters', () => {
    expect(breaks({ AAE013: '备'.repeat(101) })).toContain('AAE013 长度不超过100');
  });
  it('the unique id is AAB301 + AAZ341', () => {
    expect(uniqueId(good)).toBe('210204202604010000000001');
  });
  it('writes a UTF-8 CSV with the indicator codes as header in the table order', () => {
    const csv = toCsv([good, { ...good, AAE013: '含,逗号' }]);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(INDICATORS.join(','));
    expect(lines[0]).toBe('AAB301,AAZ341,AAC003,AAC002,AAC058,AAC044,ADC210,AJC00A,AAE011,AAE036,AAE013');
    expect(lines[2].endsWith('"含,逗号"')).toBe(true);
  });
});
