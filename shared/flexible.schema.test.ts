import { COMMITMENTS } from './commitment';
import { makeFlexibleSchema } from './flexible.schema';
import { TODAY, validFlexibleInput } from '../test/support/shared-fixtures';
import { validate } from './validate';

const schema = makeFlexibleSchema({ today: TODAY });
const check = (patch: Record<string, unknown>) => validate(schema, { ...validFlexibleInput(), ...patch });

function fieldsOf(patch: Record<string, unknown>): Record<string, string> {
  const r = check(patch);
  if (r.ok) throw new Error('expected the input to be refused');
  return r.fields;
}

describe('灵活就业登记', () => {
  it('accepts the fixture declaration', () => {
    expect(check({}).ok).toBe(true);
  });

  it('requires the form, the work, the start date, the work region and the 承诺书', () => {
    const input = validFlexibleInput();
    for (const key of ['employmentForm', 'occupation', 'startDate', 'workRegion', 'commitment']) delete input[key];
    const r = validate(schema, input);
    expect(r.ok ? {} : r.fields).toEqual({
      employmentForm: '请选择灵活就业形式',
      occupation: '请填写从事的工作，如 网约配送、家政服务，不超过50个字',
      startDate: '请填写就业开始时间（年-月-日），如 2025-03-01',
      workRegion: '请选择工作地的省、市、县（区）',
      commitment: '请阅读并勾选承诺',
    });
  });
});

describe('employmentForm and its conditional fields', () => {
  it('其他 requires employmentFormOther', () => {
    expect(fieldsOf({ employmentForm: '其他' })).toEqual({ employmentFormOther: '灵活就业形式选了“其他”，请填写具体形式' });
    const r = check({ employmentForm: '其他', employmentFormOther: '网店代运营' });
    expect(r.ok && r.data.employmentFormOther).toBe('网店代运营');
  });

  it('新就业形态（平台）requires the platform name', () => {
    expect(fieldsOf({ employmentForm: '新就业形态（平台）' })).toEqual({
      platform: '新就业形态请填写服务平台名称，如 美团、滴滴出行',
    });
    const r = check({ employmentForm: '新就业形态（平台）', platform: '美团' });
    expect(r.ok && r.data.platform).toBe('美团');
  });

  it('drops a platform and an other-text left over from another choice', () => {
    const r = check({ employmentForm: '非全日制用工', platform: '美团', employmentFormOther: '旧的文字' });
    expect(r.ok && ['platform' in r.data, 'employmentFormOther' in r.data]).toEqual([false, false]);
  });

  it('refuses a form not on the list (half-width parentheses are not the code)', () => {
    expect(fieldsOf({ employmentForm: '新就业形态(平台)' })).toEqual({ employmentForm: '请选择灵活就业形式' });
  });
});

describe('occupation, startDate and workRegion', () => {
  it('limits occupation to 50 characters', () => {
    expect(check({ occupation: '工'.repeat(50) }).ok).toBe(true);
    expect(fieldsOf({ occupation: '工'.repeat(51) })).toEqual({ occupation: '从事的工作不超过50个字' });
  });

  it('accepts today as the start date and refuses tomorrow', () => {
    expect(check({ startDate: TODAY }).ok).toBe(true);
    expect(fieldsOf({ startDate: '2026-03-11' })).toEqual({ startDate: '就业开始时间不能晚于今天' });
  });

  it('refuses a start date that does not exist', () => {
    expect(fieldsOf({ startDate: '2025-02-29' })).toEqual({
      startDate: '就业开始时间格式为 年-月-日，如 1990-03-15，请核对日期是否存在',
    });
  });

  it('鞍人社〔2020〕21号 一: refuses a start before the 16th birthday (赵海涛 turned 16 on 2006-03-15)', () => {
    expect(check({ startDate: '2006-03-15' }).ok).toBe(true);
    expect(fieldsOf({ startDate: '2006-03-14' })).toEqual({ startDate: '就业开始时间不能早于年满16周岁的日期（2006-03-15）' });
  });

  it('requires a county as the work region', () => {
    expect(fieldsOf({ workRegion: '210200' })).toEqual({ workRegion: '请从列表中选择工作地，选到县（区）一级' });
  });
});

describe('the 承诺书 (吉人社函字〔2018〕175号 二(三))', () => {
  it('must be the flexible text version', () => {
    expect(fieldsOf({ commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version } })).toEqual({
      'commitment.textVersion': '承诺书内容已更新，请重新阅读并勾选承诺',
    });
  });
});
