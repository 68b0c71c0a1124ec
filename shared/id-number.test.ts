import { TAIWAN_PASS_MESSAGE } from './codes';
/**
 * ID-number rules, checked against test vectors other people published (vectors only, no code):
 * - [stdnum]  python-stdnum, tests/test_cn_ric.doctest (arthurdejong/python-stdnum)
 * - [idcard]  npm `idcard`, test/index.js
 * - [idv-php] id-validator, tests/IdValidatorTest.php (jxlwqq/id-validator)
 * - [idv-js]  IDValidator, tests/spec/specTest.js (mc-zone/IDValidator)
 * - [validid] validid, test/data/cnid.mjs (Edditoria/validid)
 * plus the synthetic people of data/gov-data.demo.json.
 */
import {
  ageOn,
  birthDateFromId,
  birthdayAt,
  convert15to18,
  genderFromId,
  idCheckChar,
  isCalendarDate,
  normalizeIdNumber,
} from './id-number';

const WRONG_LENGTH = /位数不对/;
const BAD_CHARS = '证件号码前17位只能是数字，最后一位是数字或X';
const BAD_DATE = '证件号码中的出生日期不存在，请核对第7至14位';
const FUTURE_DATE = '证件号码中的出生日期晚于今天，请核对第7至14位';
const BAD_CHECK = '证件号码校验位不正确，请核对最后一位';
const BAD_PROVINCE = '证件号码前两位不是有效的省级地区代码，请核对';

function refused(idType: string, raw: unknown, today?: string): string {
  const r = normalizeIdNumber(idType, raw, today ? { today } : {});
  if (r.ok) throw new Error(`expected ${String(raw)} to be refused`);
  return r.message;
}

describe('GB 11643 check character (ISO 7064 MOD 11-2)', () => {
  it.each([
    ['36042619910101007', '1'], // [stdnum]
    ['44011320141005001', 'X'], // [stdnum]
    ['37100119801008239', '4'], // [idv-js]
    ['44088219910210419', '5'], // [idcard]
    ['21020419900315137', '0'], // a synthetic test person
  ])('computes the check character of %s as %s', (first17, check) => {
    expect(idCheckChar(first17)).toBe(check);
  });

  it('refuses to compute from anything but 17 digits (a caller bug)', () => {
    expect(() => idCheckChar('1234')).toThrow(TypeError);
  });
});

describe('valid 18-digit numbers are accepted with their birth date and gender', () => {
  it.each([
    ['360426199101010071', '1991-01-01', '1'], // [stdnum]
    ['110101199003078670', '1990-03-07', '1'], // [idv-php]
    ['440308199901101512', '1999-01-10', '1'], // [idv-php]
    ['500154199804106120', '1998-04-10', '2'], // [idv-php]
    ['411082198901010002', '1989-01-01', '2'], // [idv-php] (non-strict: code newer than the birth)
    ['430302199312194239', '1993-12-19', '1'], // [idv-php]
    ['362324198001010014', '1980-01-01', '1'], // [idv-php] abolished county code 362324 丰城县
    ['371001198010082394', '1980-10-08', '1'], // [idv-js]
    ['440882199102104195', '1991-02-10', '1'], // [idcard]
    ['440101199801218451', '1998-01-21', '1'], // [idcard]
    ['36060119980521413X', '1998-05-21', '1'], // [idcard]
    ['120103198806018241', '1988-06-01', '2'], // [validid]
    ['310101200001013948', '2000-01-01', '2'], // [validid]
    ['110101188606258888', '1886-06-25', '2'], // [validid]
    ['210203198507223488', '1985-07-22', '2'], // gov-data.json 李秀英
  ])('%s', (id, birthDate, gender) => {
    expect(normalizeIdNumber('01', id, { today: '2026-03-10' })).toEqual({ ok: true, value: id, birthDate, gender });
  });

  it('accepts abolished county codes: an ID keeps the code of where it was issued ([idv-php] 362324 丰城县)', () => {
    expect(normalizeIdNumber('01', '362324198001010014').ok).toBe(true);
  });

  it('accepts 110101188606248882 although [validid] refuses it: the date exists and the check character is right; no minimum birth year beyond 1800 is imposed', () => {
    expect(normalizeIdNumber('01', '110101188606248882')).toMatchObject({ ok: true, birthDate: '1886-06-24' });
  });
});

describe('normalisation', () => {
  it('upper-cases a lowercase x check character ([stdnum] 44011320141005001x)', () => {
    expect(normalizeIdNumber('01', '44011320141005001x')).toEqual({
      ok: true,
      value: '44011320141005001X',
      birthDate: '2014-10-05',
      gender: '1',
    });
  });

  it('removes spaces typed between digit groups and around the number', () => {
    expect(normalizeIdNumber('01', ' 210204 19900315 1370 ')).toMatchObject({ ok: true, value: '210204199003151370' });
  });

  it.each([
    ['422201720809227', '422201197208092274'], // [idcard] upgrade15To18
    ['610104620927690', '610104196209276908'], // [idv-php] upgradeId
    ['431389760616601', '431389197606166012'], // [idv-js] fifteenId
  ])('converts the 15-digit %s to %s (insert 19, add the check character)', (id15, id18) => {
    expect(convert15to18(id15)).toBe(id18);
    expect(normalizeIdNumber('01', id15)).toMatchObject({ ok: true, value: id18 });
  });

  it('keeps the gender of a 15-digit number (its last digit; [idv-php] 610104620927690 is female)', () => {
    expect(genderFromId('610104620927690')).toBe('2');
    expect(normalizeIdNumber('01', '610104620927690')).toMatchObject({ gender: '2', birthDate: '1962-09-27' });
  });

  it('does not convert what is not 15 digits ([idcard] 42220172080927, 14 digits)', () => {
    expect(convert15to18('42220172080927')).toBeUndefined();
  });
});

describe('each invalid number is refused for its own reason', () => {
  it.each([
    ['44030819990110', '14 digits [idv-php]'],
    ['44522119901117536', '17 digits [idcard]'],
    ['98765432101234567', '17 digits [validid]'],
    ['9876543210123456789', '19 digits [validid]'],
  ])('wrong length: %s (%s)', (id) => {
    expect(refused('01', id)).toMatch(WRONG_LENGTH);
  });

  it('says how many digits were given', () => {
    expect(refused('01', '44030819990110')).toBe('证件号码位数不对：应为18位（老证件为15位），现在是14位');
  });

  it.each([
    ['T60426199101010078', '[stdnum] letter first'],
    ['110102YYYYMMDD888X', '[validid] letters in the date'],
    ['98765432101234567A', '[validid] letter last'],
    ['A87654321012345678', '[validid] letter first'],
  ])('non-digit characters: %s (%s)', (id) => {
    expect(refused('01', id)).toBe(BAD_CHARS);
  });

  it('a 15-digit number with a letter', () => {
    expect(refused('01', '61010462092769X')).toBe('15位证件号码只能由数字组成');
  });

  it.each([
    ['990426199112010074', '[stdnum] unknown birth place 99'],
    ['04522119901117536X', '[idcard] province 04'],
  ])('no such province: %s (%s)', (id) => {
    expect(refused('01', id)).toBe(BAD_PROVINCE);
  });

  it.each([
    ['360426199113010079', '[stdnum] month 13'],
    ['440308199902301512', '[idv-php] 30 February'],
    ['610104620932690', '[idv-php] 15 digits, day 32'],
    ['440882199100201232', '[idcard] month 00'],
  ])('birth date does not exist: %s (%s)', (id) => {
    expect(refused('01', id)).toBe(BAD_DATE);
  });

  it('birth date after today ([validid] 110101202312128883, "born in 2023", checked on 2023-06-01)', () => {
    expect(refused('01', '110101202312128883', '2023-06-01')).toBe(FUTURE_DATE);
    expect(normalizeIdNumber('01', '110101202301018881', { today: '2023-06-01' }).ok).toBe(true); // [validid]
  });

  it.each([
    ['36042619910102009X', '[stdnum]'],
    ['440308199901101513', '[idv-php]'],
    ['11010119900307867X', '[idv-php]'],
    ['345955198706122245', '[idv-js] fake id'],
    ['440882199102104190', '[idcard]'],
    ['44522119901117536X', '[idcard]'],
    ['110102197810272321', '[validid]'],
  ])('wrong check character: %s (%s)', (id) => {
    expect(refused('01', id)).toBe(BAD_CHECK);
  });

  it('[idv-php] 111111199901101512 ("address code invalid") is refused by its check character: 11 is a real province and county codes are not checked, because IDs keep abolished codes', () => {
    expect(refused('01', '111111199901101512')).toBe(BAD_CHECK);
  });

  it.each([[''], ['   '], [null], [undefined], [12345], [{}]])('asks for the number when given %p', (raw) => {
    expect(refused('01', raw)).toBe('请填写证件号码');
  });

  it('refuses a megabyte of digits without looking into it', () => {
    expect(refused('01', '1'.repeat(1024 * 1024))).toBe('证件号码太长了，请只填写证件上的号码');
  });

  it('asks for the ID type when it is unknown', () => {
    expect(refused('99', '210204199003151370')).toBe('请先选择证件类型');
  });
});

describe('港澳台居民居住证 (idType 17) and 居民身份证 (01) keep apart', () => {
  it.each([
    ['810000199408230021', '1994-08-23'], // [validid], [idv-php] 港澳居民居住证
    ['830000199201300022', '1992-01-30'], // [validid], [idv-php] 台湾居民居住证
  ])('accepts the 居住证 number %s under idType 17', (id, birthDate) => {
    expect(normalizeIdNumber('17', id)).toEqual({ ok: true, value: id, birthDate, gender: '2' });
  });

  it('refuses a 居住证 number under 居民身份证 and names the right type', () => {
    expect(refused('01', '810000199408230021')).toBe(
      '以810000、820000、830000开头的是港澳台居民居住证号码，请把证件类型选为“港澳台居民居住证”',
    );
  });

  it('refuses a mainland number under 居住证', () => {
    expect(refused('17', '210204199003151370')).toBe(
      '港澳台居民居住证号码应以810000（香港）、820000（澳门）或830000（台湾）开头',
    );
  });

  it('refuses a 15-digit number under 居住证 (居住证 were first issued in 2018, always 18 digits)', () => {
    expect(refused('17', '610104620927690')).toBe('居住证号码位数不对：应为18位，现在是15位');
  });

  it('checks the 居住证 check character too', () => {
    expect(refused('17', '810000199408230022')).toBe(BAD_CHECK);
  });
});

describe('社会保障卡 (idType 90) uses the 公民身份号码 rules (人社厅发〔2020〕79号 附件, AAC002)', () => {
  it('accepts an 18-digit number', () => {
    expect(normalizeIdNumber('90', '210204199003151370')).toMatchObject({ ok: true, gender: '1' });
  });
  it('converts a 15-digit number (AAC002: 长度为15或18位)', () => {
    expect(normalizeIdNumber('90', '422201720809227')).toMatchObject({ ok: true, value: '422201197208092274' });
  });
  it('refuses a wrong check character', () => {
    expect(refused('90', '210202199003151256')).toBe(BAD_CHECK);
  });
});

describe('港澳居民来往内地通行证 (04 香港, 05 澳门); 台胞证 (06) refused', () => {
  it.each([
    ['04', 'H12345678'],
    ['04', 'h1234567890'],
    ['05', 'M12345678'],
    ['05', 'M1234567890'],
  ])('accepts %s %s, upper-cased, without birth date', (idType, id) => {
    expect(normalizeIdNumber(idType, id)).toEqual({ ok: true, value: id.toUpperCase() });
  });

  it('refuses an M number for a Hong Kong resident', () => {
    expect(refused('04', 'M12345678')).toBe('香港居民的通行证号码以H开头，请核对号码或证件类型');
  });
  it('refuses an H number for a Macau resident', () => {
    expect(refused('05', 'H12345678')).toBe('澳门居民的通行证号码以M开头，请核对号码或证件类型');
  });
  it.each([['H1234567'], ['H123456789'], ['X12345678'], ['H12345678901']])('refuses the malformed 通行证 %s', (id) => {
    expect(refused('04', id)).toBe('通行证号码格式不对：应为字母H加8位或10位数字');
  });
  // Issue 12: a well-formed 8-digit 台胞证 used to be accepted, and its deregistration could then never pass
  // the export's AAC002 rule. Not a valid document under 鞍人社〔2020〕21号 二: refused, naming what to use instead.
  it.each([['12345678'], ['1234567'], ['T1234567']])('refuses the 台胞证 %s, naming the documents to use (鞍人社〔2020〕21号 二)', (id) => {
    expect(refused('06', id)).toBe(TAIWAN_PASS_MESSAGE);
    expect(TAIWAN_PASS_MESSAGE).toMatch(/港澳台居民居住证或社会保障卡/);
  });
});

describe('birth date, gender and age helpers', () => {
  it('reads the birth date of 18- and 15-digit numbers', () => {
    expect(birthDateFromId('210204199003151370')).toBe('1990-03-15');
    expect(birthDateFromId('610104620927690')).toBe('1962-09-27');
    expect(birthDateFromId('360426199113010079')).toBeUndefined();
    expect(birthDateFromId('abc')).toBeUndefined();
  });

  it('reads the gender from the 17th digit: odd is 男', () => {
    expect(genderFromId('210204199003151370')).toBe('1');
    expect(genderFromId('210203198507223488')).toBe('2');
    expect(genderFromId('H12345678')).toBeUndefined();
  });

  it('knows which dates exist (leap years included)', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2024-04-31')).toBe(false);
    expect(isCalendarDate('2024-4-3')).toBe(false);
  });

  it('鞍人社〔2020〕21号 一: one is 16 on the 16th birthday, not the day before', () => {
    expect(ageOn('2010-03-10', '2026-03-10')).toBe(16);
    expect(ageOn('2010-03-10', '2026-03-09')).toBe(15);
    expect(ageOn('2010-03-10', '2027-03-09')).toBe(16);
  });

  it('someone born on 29 February turns 16 on 1 March of a common year', () => {
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16); // 2024 is a leap year
    expect(ageOn('2009-02-28', '2025-02-28')).toBe(16);
    expect(ageOn('2012-02-29', '2028-02-28')).toBe(15);
    expect(birthdayAt('2012-02-29', 17)).toBe('2029-03-01');
    expect(birthdayAt('2010-03-10', 16)).toBe('2026-03-10');
  });

  it('gives NaN for dates that do not exist', () => {
    expect(ageOn('2010-02-30', '2026-03-10')).toBeNaN();
  });
});
