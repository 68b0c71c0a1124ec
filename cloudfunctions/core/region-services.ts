/**
 * The policy list (政策清单), service list (服务清单) and agency list (机构清单) a newly registered
 * unemployed person receives (人社厅发〔2020〕79号 一(三): "要向失业人员提供服务清单和政策清单"; 大人社规发〔2025〕2号 三(三):
 * "提供就业服务政策清单"). Kept in the repository per region, one JSON file per 行政区划代码 prefix
 * (region-services/<prefix>.json); the longest matching prefix wins, regions without a file get
 * the generic list. The 大连 file is demo data (its `demo` flag says so).
 */
import dalian from './region-services/2102.json';
import generic from './region-services/generic.json';

export interface RegionServices {
  demo: boolean;
  region: string;
  regionName: string;
  policies: Array<{ name: string; summary: string }>;
  services: Array<{ name: string; summary: string }>;
  /** `region`: the 行政区划代码 (prefix) the agency serves; '' = any */
  /** `latitude`/`longitude` (GCJ-02, what Taro.openLocation takes) when the file gives them */
  agencies: Array<{ region: string; name: string; address: string; phone: string; hours: string; latitude?: number; longitude?: number }>;
}

const BY_PREFIX: readonly RegionServices[] = [dalian as RegionServices];
const GENERIC = generic as RegionServices;

/** The lists for a region code; agencies narrowed to the city-level ones and the person's district. */
export function servicesFor(regionCode: string): RegionServices {
  let best: RegionServices | undefined;
  for (const r of BY_PREFIX) {
    if (regionCode.startsWith(r.region) && (!best || r.region.length > best.region.length)) best = r;
  }
  const s = best ?? GENERIC;
  const agencies = s.agencies.filter((a) => a.region === '' || a.region === s.region || regionCode.startsWith(a.region));
  return { ...s, agencies };
}

/** The in-app message body: the three lists, plain text (the message list shows text). */
export function servicesMessageBody(s: RegionServices, contactBy: string): string {
  const lines = [
    `工作人员将在 ${contactBy} 前通过电话或短信与您联系，了解您的就业意愿并提供服务。`,
    '',
    '【政策清单】',
    ...s.policies.map((p, i) => `${i + 1}. ${p.name}：${p.summary}`),
    '',
    '【服务清单】',
    ...s.services.map((p, i) => `${i + 1}. ${p.name}：${p.summary}`),
    '',
    '【机构清单】',
    ...s.agencies.map((a) => `${a.name}｜${a.address}｜电话 ${a.phone}｜${a.hours}`),
  ];
  if (s.demo) lines.push('', '（机构信息为演示数据）');
  return lines.join('\n');
}
