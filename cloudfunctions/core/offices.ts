/**
 * The 就业服务机构 a person can go to or call (issue 17 "Offices"): the agency list of the region's
 * file in region-services/ (one JSON per 行政区划代码 prefix; a deployment replaces the file with its
 * bureau's published list — the 大连 file is synthetic demo data and says so). The person's own
 * district office first, then the city's.
 */
import { regionName } from '@shared/regions';
import type { OfficeView } from '@shared/api';
import { servicesFor } from './region-services';

/** A staff region is a 行政区划代码 prefix ("2102" = 大连): named as its 6-digit form. */
export function officeName(region: string | undefined): string {
  const name = region ? regionName(region.padEnd(6, '0')) : undefined;
  return `${name ? name.replace(/ /g, '') : ''}公共就业服务机构`;
}

export function officesFor(regionCode: string): { region: string; regionName: string; demo: boolean; offices: OfficeView[] } {
  const s = servicesFor(regionCode);
  const offices = [...s.agencies]
    .sort((a, b) => b.region.length - a.region.length)
    .map((a) => ({
      name: a.name,
      address: a.address,
      phone: a.phone,
      hours: a.hours,
      ...(typeof a.latitude === 'number' && typeof a.longitude === 'number' ? { latitude: a.latitude, longitude: a.longitude } : {}),
    }));
  return { region: regionCode, regionName: regionName(regionCode) ?? s.regionName, demo: s.demo, offices };
}

/** The office that handles an application of this region: the district's own, else the city's. */
export function handlingOffice(regionCode: string): OfficeView | undefined {
  return officesFor(regionCode).offices[0];
}
