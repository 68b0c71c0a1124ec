/**
 * 行政区划代码 for the address pickers and region checks, from @vant/area-data (a maintained data set,
 * docs/forms.md "Region data"; 160 KB, the smallest one that ships counties). Only `areaList` is imported;
 * indexes are built on first use, not at import, so a page that never shows a picker pays nothing.
 *
 * Statistics-only codes: the data set also lists 开发区/高新区/管委会 under codes whose last two digits are
 * 71–80 or 90–99 (e.g. 210190 经济技术开发区). They are not GB/T 2260 counties, a person's 户口 is never
 * registered there, and they are dropped. Codes ending 81–89 are kept: under GB/T 2260 those are 县级市
 * (210281 瓦房店市, 210283 庄河市 in 大连 itself), real counties that a blanket 71–99 cut would remove.
 * 香港/澳门/台湾 (81, 82, 71) have no county level in GB/T 2260; the data set's own codes for their districts
 * are kept whole so that 港澳台居民 (鞍人社〔2020〕21号 一) can pick an address.
 */
import { areaList } from '@vant/area-data';
import type { CodeItem } from './codes';

const CROSS_STRAIT = new Set(['71', '81', '82']);
/**
 * 东莞 (4419) and 中山 (4420) have no county level either; the data set lists their towns under its own codes
 * (441990 沙田镇 among them), kept whole for the same reason.
 */
const TOWN_LISTED_CITIES = new Set(['4419', '4420']);

/** City-level names that are grouping labels, not places (left out of full names). */
const GROUPING_CITY_NAMES = new Set(['县', '省直辖县', '自治区直辖县级行政区划', '市辖区']);

function isStatisticsOnly(code: string): boolean {
  if (CROSS_STRAIT.has(code.slice(0, 2)) || TOWN_LISTED_CITIES.has(code.slice(0, 4))) return false;
  const tail = Number(code.slice(4));
  return (tail >= 71 && tail <= 80) || tail >= 90;
}

interface Index {
  provinces: CodeItem[];
  cities: Map<string, CodeItem[]>; // by 2-digit province prefix
  counties: Map<string, CodeItem[]>; // by 4-digit city prefix
  countyNames: Map<string, string>;
}

let index: Index | undefined;

function build(): Index {
  const provinces: CodeItem[] = Object.keys(areaList.province_list)
    .sort()
    .map((code) => ({ code, label: areaList.province_list[code] }));
  const cities = new Map<string, CodeItem[]>();
  for (const code of Object.keys(areaList.city_list).sort()) {
    const list = cities.get(code.slice(0, 2)) ?? [];
    list.push({ code, label: areaList.city_list[code] });
    cities.set(code.slice(0, 2), list);
  }
  const counties = new Map<string, CodeItem[]>();
  const countyNames = new Map<string, string>();
  for (const code of Object.keys(areaList.county_list).sort()) {
    if (isStatisticsOnly(code)) continue;
    const label = areaList.county_list[code];
    const list = counties.get(code.slice(0, 4)) ?? [];
    list.push({ code, label });
    counties.set(code.slice(0, 4), list);
    countyNames.set(code, label);
  }
  return { provinces, cities, counties, countyNames };
}

function idx(): Index {
  index ??= build();
  return index;
}

const SIX_DIGITS = /^\d{6}$/;

/** All provinces (省级), by code. */
export function provinces(): CodeItem[] {
  return idx().provinces.slice();
}

/** The cities (地级) of a province code (e.g. '210000'); empty for an unknown code. */
export function citiesOf(provinceCode: string): CodeItem[] {
  if (typeof provinceCode !== 'string' || !SIX_DIGITS.test(provinceCode)) return [];
  return (idx().cities.get(provinceCode.slice(0, 2)) ?? []).slice();
}

/** The counties (县级) of a city code (e.g. '210200'), statistics-only codes left out. */
export function countiesOf(cityCode: string): CodeItem[] {
  if (typeof cityCode !== 'string' || !SIX_DIGITS.test(cityCode)) return [];
  if (!Object.prototype.hasOwnProperty.call(areaList.city_list, cityCode)) return [];
  return (idx().counties.get(cityCode.slice(0, 4)) ?? []).slice();
}

/** True for a county-level code a person can live in (the leaf of the picker). */
export function isCountyCode(code: unknown): code is string {
  return typeof code === 'string' && SIX_DIGITS.test(code) && idx().countyNames.has(code);
}

/**
 * The full name of a province, city or county code, parts separated by a space:
 * '210202' → '辽宁省 大连市 中山区', '110101' → '北京市 东城区'. Undefined for an unknown code.
 */
export function regionName(code: string): string | undefined {
  if (typeof code !== 'string' || !SIX_DIGITS.test(code)) return undefined;
  const { province_list, city_list } = areaList;
  const provinceName = province_list[`${code.slice(0, 2)}0000`];
  if (!provinceName) return undefined;
  if (code.endsWith('0000')) return provinceName;
  const cityName = city_list[`${code.slice(0, 4)}00`];
  const parts = [provinceName];
  if (cityName && cityName !== provinceName && !GROUPING_CITY_NAMES.has(cityName)) parts.push(cityName);
  if (code.endsWith('00')) return cityName ? parts.join(' ') : undefined;
  const countyName = idx().countyNames.get(code);
  if (!countyName) return undefined;
  parts.push(countyName);
  return parts.join(' ');
}

/**
 * True when `code` lies inside the region `prefix` (staff region scope, docs/api.md: "2102" covers every
 * district of 大连). The prefix is 2, 4 or 6 digits; a 6-digit prefix ending in 00/0000 means its city or
 * province. An empty or malformed prefix matches nothing: a missing scope must never mean "everywhere".
 */
export function regionPrefixMatches(prefix: string, code: string): boolean {
  if (typeof prefix !== 'string' || typeof code !== 'string') return false;
  if (!SIX_DIGITS.test(code) || !/^(\d{2}|\d{4}|\d{6})$/.test(prefix)) return false;
  let p = prefix;
  if (p.length === 6 && p.endsWith('0000')) p = p.slice(0, 2);
  else if (p.length === 6 && p.endsWith('00')) p = p.slice(0, 4);
  if (/^0+$/.test(p)) return false;
  return code.startsWith(p);
}
