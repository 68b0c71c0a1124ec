/** Regional profile rules: deadlines (人社厅发〔2020〕79号 一(三) ceiling) and the statistics scope (吉人社函字〔2018〕175号 四(三)). */
import { asksStableEmployment, isRuralOrNonLocal, profileFor } from './region-profiles';
import { makeUnemploymentSchema } from './unemployment.schema';
import { validate } from './validate';
import { TODAY, validUnemploymentInput } from '../test/support/shared-fixtures';

const schema = makeUnemploymentSchema({ today: TODAY });
const inChangchun = (extra: Record<string, unknown>) => ({
  ...validUnemploymentInput(), residenceAddress: { regionCode: '220102', detail: '人民大街1号' }, registrationPlace: 'residence', ...extra,
});

describe('statistics scope is a regional rule', () => {
  it('吉林 separates 农村户籍 / non-local persons and needs 户籍性质; 大连 and the default count them in', () => {
    expect(profileFor('220102')).toMatchObject({ nonLocalStatistics: 'separate', householdTypeRequired: true });
    expect(profileFor('210204')).toMatchObject({ nonLocalStatistics: 'included', householdTypeRequired: false });
    expect(profileFor('110101').nonLocalStatistics).toBe('included');
  });
  it('rural by 户籍性质, non-local by a 户籍地 in another city', () => {
    expect(isRuralOrNonLocal({ householdType: '农村居民家庭', hukouAddress: { regionCode: '220102' } }, '220102')).toBe(true);
    expect(isRuralOrNonLocal({ householdType: '城镇居民家庭', hukouAddress: { regionCode: '220104' } }, '220102')).toBe(false);
    expect(isRuralOrNonLocal({ householdType: '城镇居民家庭', hukouAddress: { regionCode: '210204' } }, '220102')).toBe(true);
    expect(asksStableEmployment({ hukouAddress: { regionCode: '210302' } }, '210204')).toBe(false);
  });
  it('the form asks only where the profile needs it, and drops the answer elsewhere', () => {
    // the fixture's hukou is in 大连: non-local in 长春
    expect(validate(schema, inChangchun({})).ok).toBe(false);
    const missing = validate(schema, inChangchun({ householdType: '城镇居民家庭' }));
    expect(!missing.ok && missing.fields.stableEmploymentAtResidence).toMatch(/满6个月/);
    const ok = validate(schema, inChangchun({ householdType: '城镇居民家庭', stableEmploymentAtResidence: 'under_6m' }));
    expect(ok.ok && (ok.data as Record<string, unknown>).stableEmploymentAtResidence).toBe('under_6m');
    const dalian = validate(schema, { ...validUnemploymentInput(), stableEmploymentAtResidence: 'under_6m' });
    expect(dalian.ok && 'stableEmploymentAtResidence' in (dalian.data as object)).toBe(false);
  });
});
