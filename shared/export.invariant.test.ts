/**
 * The invariant between intake and the national export (人社厅发〔2020〕79号 附件 《失业登记退出数据上报对接方案》 二(一)):
 * whatever person the intake schemas accept — any 证件类型 of codes.ts, any generated number and name — and
 * whatever name the staff directory holds for the 经办人, the deregistration record the system writes
 * passes every rule of the export. Before issue 12 an 8-digit 台胞证 was accepted and then failed AAC002,
 * and a staff name with a space failed AAE011: a registration that could never be reported.
 */
import fc from 'fast-check';
import { DEREGISTRATION_REASONS, ID_TYPES, TAIWAN_PASS, TAIWAN_PASS_MESSAGE } from './codes';
import { exportRecordOf, exportRuleViolations, exportStaffName } from './export.rules';
import { mod11_2 } from './id-number';
import { makePersonSchema } from './person.schema';
import { validate } from './validate';
import { TODAY, validPersonInput } from '../test/support/shared-fixtures';

const schema = makePersonSchema({ today: TODAY });
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
const birth = fc.date({ min: new Date('1940-01-01T00:00:00Z'), max: new Date('2009-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
const PROVINCES = ['11', '21', '22', '31', '44', '50', '65', '71'];

/** 18-digit numbers with a correct check character (居民身份证, 社会保障卡, 居住证), and 15-digit legacy ones. */
const gb11643 = (prefix: fc.Arbitrary<string>) =>
  fc.tuple(prefix, birth, digits(3)).map(([p, b, s]) => `${p}${b}${s}` + mod11_2(`${p}${b}${s}`));
const citizen = gb11643(fc.tuple(fc.constantFrom(...PROVINCES), digits(4)).map(([a, b]) => a + b));
const legacy15 = fc.tuple(fc.constantFrom(...PROVINCES), digits(4), birth, digits(3)).map(([a, b, d, s]) => `${a}${b}${d.slice(2)}${s}`);
const permit = gb11643(fc.constantFrom('810000', '820000', '830000'));
const pass = (letter: string) => fc.tuple(digits(8), fc.boolean(), digits(2)).map(([d, long, x]) => `${letter}${d}${long ? x : ''}`);

const numberFor: Record<string, fc.Arbitrary<string>> = {
  '01': fc.oneof(citizen, legacy15, citizen.map((s) => s.toLowerCase())),
  '90': fc.oneof(citizen, permit),
  '17': permit,
  '04': fc.oneof(pass('H'), pass('h')),
  '05': pass('M'),
  [TAIWAN_PASS.code]: digits(8),
};

const HAN = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤海涛春梅立新志强玉兰国庆晓东丽娟建华秀兰阿依古丽买提'];
const hanName = fc.array(fc.constantFrom(...HAN), { minLength: 2, maxLength: 8 }).map((c) => c.join(''));
const personName = fc.oneof(hanName, fc.tuple(hanName, hanName).map(([a, b]) => `${a}·${b}`));
/** what a directory may hold for a staff member: spaces anywhere, half- or full-width, Latin names too */
const staffName = fc.oneof(
  fc.tuple(hanName, fc.constantFrom(' ', '\u3000', '  ', ''), hanName).map(([a, sp, b]) => ` ${a}${sp}${b.slice(0, 4)} `),
  fc.tuple(fc.constantFrom('Anna', 'Li', 'Chan'), fc.constantFrom(' ', '\u3000'), fc.constantFrom('Wong', 'Ho', 'Lee')).map(([a, sp, b]) => `${a}${sp}${b}`),
);

const idType = fc.constantFrom(...ID_TYPES.map((t) => t.code), TAIWAN_PASS.code);
const candidate = idType.chain((t) => fc.record({
  idType: fc.constant(t),
  idNumber: fc.oneof({ weight: 5, arbitrary: numberFor[t] }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) }, { weight: 1, arbitrary: numberFor['01'] }),
  gender: fc.constantFrom('1', '2'),
  birthDate: birth.map((b) => `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6)}`),
  name: personName,
}));

describe('whatever intake accepts, the national export accepts (人社厅发〔2020〕79号 附件 二(一))', () => {
  it('for every ID type, generated number, person and staff name', () => {
    const accepted: Record<string, number> = {};
    fc.assert(
      fc.property(candidate, staffName, fc.constantFrom(...DEREGISTRATION_REASONS.map((r) => r.code)), (c, staff, reasonCode) => {
        // a number that carries the gender decides it; the person block refuses a mismatch anyway
        const v = validate(schema, { ...validPersonInput(), ...c });
        if (!v.ok) return;
        const p = v.data as unknown as { name: string; idType: string; idNumber: string; gender: string };
        accepted[p.idType] = (accepted[p.idType] ?? 0) + 1;
        const record = exportRecordOf({
          region: '210204', serial: `20260310${'0'.repeat(9)}1`, name: p.name, idType: p.idType, idNumber: p.idNumber, date: TODAY,
          reasonCode, staffName: exportStaffName(staff), note: '',
        });
        expect(exportRuleViolations(record, { today: '20260310', gender: p.gender })).toEqual([]);
      }),
      { numRuns: 1000, seed: 20260310 },
    );
    // the property is not vacuous: every accepted document type was reached, 台胞证 never
    for (const t of ID_TYPES) expect(accepted[t.code] ?? 0).toBeGreaterThan(20);
    expect(accepted[TAIWAN_PASS.code]).toBeUndefined();
  });

  it('refuses the 台胞证 at intake with the documents to use instead (鞍人社〔2020〕21号 二)', () => {
    const v = validate(schema, { ...validPersonInput(), idType: '06', idNumber: '12345678', birthDate: '1985-06-01' });
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.fields.idType).toBe(TAIWAN_PASS_MESSAGE);
  });

  it('writes a staff name without spaces, Latin words joined by ·', () => {
    expect(exportStaffName('王 经办')).toBe('王经办');
    expect(exportStaffName('王\u3000经办 ')).toBe('王经办');
    expect(exportStaffName('Anna Wong')).toBe('Anna·Wong');
  });
});
