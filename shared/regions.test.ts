import { citiesOf, countiesOf, isCountyCode, provinces, regionName, regionPrefixMatches } from './regions';

describe('region lists (@vant/area-data)', () => {
  it('lists the 34 provincial-level regions', () => {
    const list = provinces();
    expect(list).toHaveLength(34);
    expect(list).toContainEqual({ code: '210000', label: '辽宁省' });
  });

  it('lists the cities of 辽宁省 and the counties of 大连市', () => {
    expect(citiesOf('210000')).toContainEqual({ code: '210200', label: '大连市' });
    expect(countiesOf('210200').map((c) => c.code)).toEqual([
      '210202', '210203', '210204', '210211', '210212', '210213', '210214', '210224', '210281', '210283',
    ]);
  });

  it('drops statistics-only 开发区 codes (last two digits 71–80, 90–99; docs/forms.md)', () => {
    expect(isCountyCode('210190')).toBe(false); // 沈阳 经济技术开发区
    expect(isCountyCode('130171')).toBe(false); // 石家庄高新技术产业开发区
    expect(countiesOf('210100').some((c) => c.label.includes('开发区'))).toBe(false);
  });

  it('keeps 县级市 coded 81–89 (GB/T 2260): 瓦房店市 and 庄河市 are real counties', () => {
    expect(isCountyCode('210281')).toBe(true);
    expect(isCountyCode('210283')).toBe(true);
  });

  it('keeps the districts of 香港 so 港澳台居民 can pick an address (鞍人社〔2020〕21号 一)', () => {
    expect(countiesOf('810100').length).toBeGreaterThan(0);
  });

  it('keeps every town of 东莞 (no county level there), 441990 沙田镇 included', () => {
    expect(isCountyCode('441990')).toBe(true);
  });

  it.each([['210200'], ['210000'], ['999999'], ['21020'], [''], [210202], [null]])('knows %p is not a county', (code) => {
    expect(isCountyCode(code)).toBe(false);
  });

  it('gives empty lists for unknown or malformed codes', () => {
    expect(citiesOf('990000')).toEqual([]);
    expect(countiesOf('abc')).toEqual([]);
    expect(countiesOf('219900')).toEqual([]);
  });

  it('returns copies, so a caller cannot change the lists', () => {
    countiesOf('210200').pop();
    expect(countiesOf('210200')).toHaveLength(10);
  });
});

describe('regionName', () => {
  it.each([
    ['210202', '辽宁省 大连市 中山区'],
    ['210200', '辽宁省 大连市'],
    ['210000', '辽宁省'],
    ['110101', '北京市 东城区'],
    ['500229', '重庆市 城口县'],
    ['429004', '湖北省 仙桃市'],
  ])('names %s "%s"', (code, name) => {
    expect(regionName(code)).toBe(name);
  });

  it.each([['999999'], ['210190'], ['21'], ['']])('gives undefined for %p', (code) => {
    expect(regionName(code)).toBeUndefined();
  });
});

describe('regionPrefixMatches (staff region scope, docs/api.md)', () => {
  it.each([
    ['2102', '210202', true],
    ['210200', '210211', true],
    ['21', '210202', true],
    ['210000', '210302', true],
    ['210202', '210202', true],
    ['2102', '210302', false],
    ['210202', '210203', false],
  ])('%s covers %s: %s', (prefix, code, expected) => {
    expect(regionPrefixMatches(prefix, code)).toBe(expected);
  });

  it.each([[''], ['0'], ['00'], ['000000'], ['21a'], ['210']])('a missing or malformed scope %p covers nothing', (prefix) => {
    expect(regionPrefixMatches(prefix, '210202')).toBe(false);
  });
});
