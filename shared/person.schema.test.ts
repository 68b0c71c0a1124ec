import { TAIWAN_PASS_MESSAGE } from './codes';
import { idCheckChar } from './id-number';
import { UNDER_AGE_MESSAGE, makePersonSchema, requestIdSchema } from './person.schema';
import { TODAY, validPersonInput } from '../test/support/shared-fixtures';
import { validate } from './validate';

const schema = makePersonSchema({ today: TODAY });
const check = (patch: Record<string, unknown>) => validate(schema, { ...validPersonInput(), ...patch });

function fieldsOf(patch: Record<string, unknown>): Record<string, string> {
  const r = check(patch);
  if (r.ok) throw new Error('expected the input to be refused');
  return r.fields;
}

/** A valid 18-digit number of someone born on `ymd` (YYYYMMDD), male when `seq` ends odd. */
function idBornOn(ymd: string, seq = '123'): string {
  const first17 = `210202${ymd}${seq}`;
  return first17 + idCheckChar(first17);
}

describe('a valid person', () => {
  it('parses, with the birth date taken from the ID number', () => {
    const r = check({});
    expect(r.ok && r.data).toMatchObject({ name: '赵海涛', idNumber: '210204199003151370', birthDate: '1990-03-15' });
  });

  it('stores the normalised ID number: 15 digits become 18 (docs/forms.md idNumber)', () => {
    const r = check({ idNumber: '422201720809227', gender: '1' });
    expect(r.ok && r.data.idNumber).toBe('422201197208092274');
  });

  it('stores the check character X upper-case', () => {
    const r = check({ idNumber: '36060119980521413x', gender: '1' }); // [idcard] vector, lower-cased
    expect(r.ok && r.data.idNumber).toBe('36060119980521413X');
  });

  it('ignores a birth date sent with a 居民身份证: the number is the source', () => {
    const r = check({ birthDate: '2000-01-01' });
    expect(r.ok && r.data.birthDate).toBe('1990-03-15');
  });

  it('drops unknown keys', () => {
    const r = check({ isAdmin: true });
    expect(r.ok && 'isAdmin' in r.data).toBe(false);
  });
});

describe('gender must agree with the ID number (人社厅发〔2020〕79号 附件 AAC002: 公民身份号码与性别相符)', () => {
  it('puts the message on gender and says what the number shows', () => {
    expect(fieldsOf({ gender: '2' })).toEqual({ gender: '性别与证件号码不一致：号码显示为男，请核对性别或证件号码' });
  });

  it('reads a 15-digit number\'s last digit', () => {
    expect(fieldsOf({ idNumber: '610104620927690', gender: '1' }).gender).toContain('号码显示为女');
  });

  it('does not compare for 通行证, whose numbers carry no gender', () => {
    expect(check({ idType: '04', idNumber: 'H12345678', birthDate: '1990-01-01', gender: '2' }).ok).toBe(true);
  });
});

describe('鞍人社〔2020〕21号 一: age 16 or older on the application date', () => {
  it('accepts someone on their 16th birthday', () => {
    expect(check({ idNumber: idBornOn('20100310') }).ok).toBe(true);
  });

  it('refuses someone the day before their 16th birthday, on idNumber', () => {
    expect(fieldsOf({ idNumber: idBornOn('20100311') })).toEqual({ idNumber: UNDER_AGE_MESSAGE });
    expect(UNDER_AGE_MESSAGE).toBe('未满16周岁，暂不能办理');
  });

  it('refuses gov-data.json\'s under-16 吴昊 (born 2011-05-01)', () => {
    expect(fieldsOf({ idNumber: '210212201105019012', gender: '1' })).toEqual({ idNumber: UNDER_AGE_MESSAGE });
  });

  it('has no upper age limit in the form (pension is a data check, docs/product.md)', () => {
    expect(check({ idNumber: '110101188606258888', gender: '2' }).ok).toBe(true);
  });

  it('refuses a birth date in the future with its own message, not the age one', () => {
    expect(fieldsOf({ idNumber: idBornOn('20260311') })).toEqual({
      idNumber: '证件号码中的出生日期晚于今天，请核对第7至14位',
    });
  });
});

describe('通行证 (04/05/06) carry no birth date: birthDate is asked for (addition to docs/forms.md)', () => {
  const permit = { idType: '05', idNumber: 'M12345678' };

  it('requires birthDate', () => {
    expect(fieldsOf(permit)).toEqual({ birthDate: '持通行证办理的，请填写出生日期（年-月-日）' });
  });

  it('accepts a birth date 16 years ago today', () => {
    const r = check({ ...permit, birthDate: '2010-03-10' });
    expect(r.ok && r.data).toMatchObject({ idNumber: 'M12345678', birthDate: '2010-03-10' });
  });

  it('puts the age message on birthDate', () => {
    expect(fieldsOf({ ...permit, birthDate: '2010-03-11' })).toEqual({ birthDate: UNDER_AGE_MESSAGE });
  });

  it.each([
    ['1990-02-30', '出生日期格式为 年-月-日，如 1990-03-15，请核对日期是否存在'],
    ['1990/01/01', '出生日期格式为 年-月-日，如 1990-03-15，请核对日期是否存在'],
    ['2026-03-11', '出生日期不能晚于今天'],
  ])('refuses the birth date %s', (birthDate, message) => {
    expect(fieldsOf({ ...permit, birthDate })).toEqual({ birthDate: message });
  });

  // Issue 12: accepted before; its deregistration then failed AAC002 at export and could never be reported.
  it('台胞证 (06) is refused at intake with the documents 鞍人社〔2020〕21号 二 accepts', () => {
    expect(fieldsOf({ idType: '06', idNumber: '12345678', birthDate: '1985-06-01' })).toEqual({ idType: TAIWAN_PASS_MESSAGE });
  });

  it('the ID number is checked against the chosen type', () => {
    expect(fieldsOf({ idType: '04', idNumber: 'M12345678', birthDate: '1985-06-01' })).toEqual({
      idNumber: '香港居民的通行证号码以H开头，请核对号码或证件类型',
    });
  });
});

describe('姓名 (AAC003; 人社厅发〔2020〕79号 附件: 不能含有半角或全角空格)', () => {
  it.each([
    ['王 五', '姓名中不能有空格（包括全角空格），请删除空格'],
    ['王\u3000五', '姓名中不能有空格（包括全角空格），请删除空格'],
    ['王', '姓名至少2个字'],
    ['王'.repeat(51), '姓名不能超过50个字'],
    ['王5', '姓名只能用汉字、英文字母和间隔号“·”'],
    ['·王五', '间隔号“·”只能写在两段姓名之间'],
    ['阿依古丽··买买提', '间隔号“·”只能写在两段姓名之间'],
    ['', '请填写姓名，2–50个字'],
  ])('refuses %p', (name, message) => {
    expect(fieldsOf({ name })).toEqual({ name: message });
  });

  it.each([['阿依古丽·买买提'], ['王'.repeat(50)], ['JOHNSMITH'], ['𠀋王']])('accepts %p', (name) => {
    expect(check({ name }).ok).toBe(true);
  });

  it('trims outer spaces and turns look-alike dots into ·', () => {
    const r = check({ name: ' 阿依古丽•买买提 ' });
    expect(r.ok && r.data.name).toBe('阿依古丽·买买提');
  });
});

describe('contact fields', () => {
  it('removes spaces and dashes in the mobile number', () => {
    const r = check({ phone: '138-1234 5678' });
    expect(r.ok && r.data.phone).toBe('13812345678');
  });

  it.each([['12812345678'], ['1381234567'], ['138123456789'], ['+8613812345678']])('refuses the mobile %p', (phone) => {
    expect(fieldsOf({ phone })).toEqual({ phone: '手机号码应为11位数字，以13至19开头，请核对' });
  });

  it('asks for the mobile when it is missing', () => {
    expect(fieldsOf({ phone: undefined })).toEqual({ phone: '请填写手机号码，11位数字，以1开头' });
  });

  it('treats blank optional fields as not given', () => {
    const r = check({ landline: '', email: '  ', otherContact: null, politicalStatus: '' });
    expect(r.ok && [r.data.landline, r.data.email, r.data.otherContact, r.data.politicalStatus]).toEqual([
      undefined, undefined, undefined, undefined,
    ]);
  });

  it.each([['0411-84201528'], ['041184201528'], ['84201528'], ['010-12345678-801']])('accepts the landline %p', (landline) => {
    expect(check({ landline }).ok).toBe(true);
  });

  it('checks the landline, email and other contact when given', () => {
    expect(fieldsOf({ landline: '12345', email: 'a@b', otherContact: 'x'.repeat(51) })).toEqual({
      landline: '固定电话格式如 0411-84201528（区号-号码），可不填',
      email: '电子邮件格式如 name@example.com，可不填',
      otherContact: '其他联系方式不超过50个字',
    });
  });
});

describe('coded fields accept only their table codes', () => {
  it.each([
    ['idType', '02', '请选择证件类型'],
    ['gender', '0', '请选择性别'],
    ['ethnicity', '57', '请选择民族'],
    ['education', '20', '请选择学历（文化程度）'],
    ['health', '4', '请选择健康状况'],
    ['politicalStatus', '14', '请从列表中选择政治面貌，可不填'],
  ])('%s %p', (field, value, message) => {
    expect(fieldsOf({ [field]: value })).toEqual({ [field]: message });
  });
});

describe('鞍人社〔2020〕21号 相关说明 2: 残疾 needs 伤残等级', () => {
  it('requires disabilityLevel when health is 6', () => {
    expect(fieldsOf({ health: '6' })).toEqual({ disabilityLevel: '健康状况为残疾的，请选择伤残等级（一级至十级）' });
  });

  it('accepts levels 1 to 10', () => {
    const r = check({ health: '6', disabilityLevel: '10' });
    expect(r.ok && r.data.disabilityLevel).toBe('10');
    expect(fieldsOf({ health: '6', disabilityLevel: '11' })).toEqual({ disabilityLevel: '请选择伤残等级（一级至十级）' });
  });

  it('drops a level left over when health is not 残疾', () => {
    const r = check({ health: '3', disabilityLevel: '4' });
    expect(r.ok && 'disabilityLevel' in r.data).toBe(false);
  });
});

describe('addresses: a county picked from the list, and a detail', () => {
  it('refuses a statistics-only code and a city code', () => {
    expect(fieldsOf({ hukouAddress: { regionCode: '210190', detail: '1号' } })).toEqual({
      'hukouAddress.regionCode': '请从列表中选择户籍地址，选到县（区）一级',
    });
    expect(fieldsOf({ residenceAddress: { regionCode: '210200', detail: '1号' } })).toEqual({
      'residenceAddress.regionCode': '请从列表中选择常住地址，选到县（区）一级',
    });
  });

  it('limits the detail to 100 characters', () => {
    expect(fieldsOf({ hukouAddress: { regionCode: '210202', detail: '路'.repeat(101) } })).toEqual({
      'hukouAddress.detail': '户籍地址的详细地址不超过100个字',
    });
  });

  it('asks for the whole address when it is missing', () => {
    expect(fieldsOf({ residenceAddress: undefined })).toEqual({
      residenceAddress: '请选择常住地址的省、市、县（区）并填写详细地址',
    });
  });
});

describe('qualifications: up to 3 {title, level}', () => {
  it('keeps filled rows and drops blank ones', () => {
    const r = check({ qualifications: [{ title: '电工', level: '四级' }, { title: '', level: '' }, { title: '焊工' }] });
    expect(r.ok && r.data.qualifications).toEqual([{ title: '电工', level: '四级' }, { title: '焊工' }]);
  });

  it('reports an error on the row the person sees', () => {
    expect(fieldsOf({ qualifications: [{ title: '' }, { level: '高级' }] })).toEqual({
      'qualifications.1.title': '请填写职业（工种）资格或专业技术职务名称',
    });
  });

  it('refuses a fourth row', () => {
    expect(fieldsOf({ qualifications: [{ title: 'a' }, { title: 'b' }, { title: 'c' }, { title: 'd' }] })).toEqual({
      qualifications: '职业资格最多填写3项',
    });
  });
});

describe('requestIdSchema', () => {
  it.each([['abcd1234'], ['A'.repeat(64)], ['req_2026-03-10_x']])('accepts %p', (id) => {
    expect(requestIdSchema.safeParse(id).success).toBe(true);
  });
  it.each([['abc1234'], ['A'.repeat(65)], ['req 12345'], ['请求编号12345678'], [12345678]])('refuses %p', (id) => {
    expect(requestIdSchema.safeParse(id).success).toBe(false);
  });
});

describe('the schema context', () => {
  it('throws for a malformed today: that is a bug in the clock port, not bad input', () => {
    expect(() => makePersonSchema({ today: '2026-3-10' })).toThrow(TypeError);
  });
});
