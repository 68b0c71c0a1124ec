import { makeFlexibleSchema } from './flexible.schema';
import { makeUnemploymentSchema } from './unemployment.schema';
import { TODAY, validUnemploymentInput } from '../test/support/shared-fixtures';
import { NOT_AN_OBJECT_MESSAGE, validate } from './validate';
import { z } from './zod-kit';

const schema = makeUnemploymentSchema({ today: TODAY });

describe('validate: the field-path error map', () => {
  it('returns the parsed data when the input is valid', () => {
    const r = validate(schema, validUnemploymentInput());
    expect(r).toMatchObject({ ok: true, data: { name: '赵海涛' } });
  });

  it('keys nested fields by dot path, arrays by index', () => {
    const r = validate(schema, {
      ...validUnemploymentInput(),
      hukouAddress: { regionCode: 'x', detail: '' },
      qualifications: [{ title: '电工' }, { title: '' , level: '三级' }],
    });
    expect(r.ok ? {} : r.fields).toEqual({
      'hukouAddress.regionCode': '请从列表中选择户籍地址，选到县（区）一级',
      'hukouAddress.detail': '请填写户籍地址的详细地址（街道、小区、门牌号）',
      'qualifications.1.title': '请填写职业（工种）资格或专业技术职务名称',
    });
  });

  it('gives one message per field: the first issue wins', () => {
    const twoIssues = z.object({ a: z.string().min(5, '第一条').regex(/^\d+$/, '第二条') });
    const r = validate(twoIssues, { a: 'x' });
    expect(r.ok ? {} : r.fields).toEqual({ a: '第一条' });
  });

  it('sums up which fields to fix, by their labels', () => {
    const r = validate(schema, { ...validUnemploymentInput(), phone: '1', reason: 'x' });
    expect(r.ok ? '' : r.message).toBe('填写的内容有误，请按提示修改：手机号码、失业原因');
  });

  it('shortens a long summary', () => {
    const r = validate(schema, {});
    expect(r.ok ? '' : r.message).toMatch(/^填写的内容有误，请按提示修改：提交编号、姓名、证件类型、证件号码、性别等\d+项$/);
  });

  it('uses zod\'s Chinese messages for shapes without a field message (z.locales.zhCN)', () => {
    const r = validate(z.object({ n: z.number() }), { n: 'x' });
    expect(r.ok ? '' : r.fields.n).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('validate: weird input never throws', () => {
  it.each([[null], [undefined], [42], ['赵海涛'], [[]], [[validUnemploymentInput()]], [true], [() => 1]])(
    'refuses %p with a message and no fields',
    (input) => {
      expect(validate(schema, input)).toEqual({ ok: false, fields: {}, message: NOT_AN_OBJECT_MESSAGE });
    },
  );

  it('ignores __proto__ and constructor keys and pollutes nothing', () => {
    const input = JSON.parse(
      '{"__proto__": {"polluted": true, "isAdmin": true}, "constructor": {"prototype": {"polluted": true}}}',
    );
    Object.assign(input, validUnemploymentInput());
    const r = validate(schema, input);
    expect(r.ok).toBe(true);
    expect(r.ok && Object.keys(r.data)).not.toContain('constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.ok && (r.data as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('keeps the field map a plain object even when an issue path names __proto__', () => {
    const odd = z.object({}).superRefine((_, ctx) => {
      ctx.addIssue({ code: 'custom', message: '坏', path: ['__proto__', 'polluted'] });
    });
    const r = validate(odd, {});
    const fields = r.ok ? {} : r.fields;
    expect(fields).toEqual({ '___proto__.polluted': '坏' });
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a 1 MB string in every text field quickly, with per-field messages', () => {
    const huge = '字'.repeat(1024 * 1024);
    const input = validUnemploymentInput();
    for (const key of ['name', 'idNumber', 'phone', 'unemployedSince', 'remarks', 'reasonOther', 'landline', 'email']) {
      input[key] = huge;
    }
    input.hukouAddress = { regionCode: huge, detail: huge };
    input.jobIntentions = [huge];
    input.commitment = { accepted: true, textVersion: huge, signature: huge };
    const started = Date.now();
    const r = validate(schema, input);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.ok).toBe(false);
    const fields = r.ok ? {} : r.fields;
    for (const key of ['name', 'idNumber', 'phone', 'unemployedSince', 'remarks', 'hukouAddress.detail', 'jobIntentions.0', 'commitment.signature']) {
      expect(fields[key]).toEqual(expect.any(String));
    }
  });

  it('refuses wrong types in every field with that field\'s message', () => {
    const input: Record<string, unknown> = {};
    for (const key of Object.keys(validUnemploymentInput())) input[key] = { nested: [1, 2, 3] };
    const r = validate(schema, input);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.fields.name).toBe('请填写姓名，2–50个字');
    expect(r.ok ? '' : r.fields.claimsUnemploymentInsurance).toBe('请选择是否申领失业保险金');
  });

  it('does not throw on an input whose getter throws', () => {
    const input = { ...validUnemploymentInput() };
    Object.defineProperty(input, 'name', { enumerable: true, get() { throw new Error('boom'); } });
    expect(() => validate(makeFlexibleSchema({ today: TODAY }), input)).not.toThrow();
    expect(validate(makeFlexibleSchema({ today: TODAY }), input).ok).toBe(false);
  });

  it('does not throw on deeply nested input', () => {
    let deep: unknown = {};
    for (let i = 0; i < 10000; i++) deep = { a: deep };
    expect(validate(schema, { ...validUnemploymentInput(), hukouAddress: deep }).ok).toBe(false);
  });
});
