/** The offices to call or visit (issue 17 "Offices"): the region's 就业服务机构, the district's own first (core/offices.ts). */
import type { OfficeView, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { regionPrefixMatches } from '@shared/regions';
import { officesFor } from '../offices';
import { defineParsed } from './handler';

/** `listOffices {region}`: a county code (6 digits) or a city / province prefix (4 or 2 digits). */
export const listOffices = defineParsed((input) => {
  const region = (input as { region?: unknown } | null)?.region;
  if (typeof region !== 'string' || !/^(\d{2}|\d{4}|\d{6})$/.test(region) || !regionPrefixMatches(region, region.padEnd(6, '0'))) {
    return fail('VALIDATION_FAILED', '请选择要查询的地区', { region: '请选择要查询的地区（6位行政区划代码）' });
  }
  return ok({ region });
}, async ({ region }): Promise<Result<{ region: string; regionName: string; demo: boolean; offices: OfficeView[] }>> => ok(officesFor(region.padEnd(6, '0'))));
