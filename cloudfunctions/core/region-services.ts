/**
 * The policy list (政策清单), service list (服务清单) and agency list (机构清单) a newly registered
 * unemployed person receives (人社厅发〔2020〕79号 一(三): "要向失业人员提供服务清单和政策清单"; 大人社规发〔2025〕2号 三(三):
 * "提供就业服务政策清单"). Kept in the repository per region, one JSON file per 行政区划代码 prefix
 * (region-services/<prefix>.json); the longest matching prefix wins, regions without a file get
 * the generic list. The 大连 file is demo data (its `demo` flag says so).
 */
import dalian from './region-services/2102.json';
import generic from './region-services/generic.json';

/**
 * The fields each list carries, as 鞍人社〔2020〕21号 四(二) names them: 政策清单 — 政策名称、享受对象、政策内容、
 * 申请条件、受理机构; 服务清单 — 服务项目、服务对象、服务内容; 机构清单 — 机构名称、办公地址、联系电话、经办项目.
 */
export interface RegionServices {
  demo: boolean;
  region: string;
  regionName: string;
  /** 政策名称 name, 享受对象 eligible, 政策内容 content, 申请条件 conditions, 受理机构 office */
  policies: Array<{ name: string; eligible: string; content: string; conditions: string; office: string }>;
  /** 服务项目 name, 服务对象 audience, 服务内容 content */
  services: Array<{ name: string; audience: string; content: string }>;
  /** `region`: the 行政区划代码 (prefix) the agency serves; '' = any. 经办项目 `handles`. */
  /** `latitude`/`longitude` (GCJ-02, what Taro.openLocation takes) when the file gives them */
  agencies: Array<{ region: string; name: string; address: string; phone: string; hours: string; handles: string; latitude?: number; longitude?: number }>;
}

/**
 * 失业登记注销条件, told to the person with the lists (鞍人社〔2020〕21号 四(一): 介绍后续就业服务、失业登记注销条件等信息),
 * in the words of 五 (the cases it names).
 */
export const DEREGISTRATION_CONDITIONS: readonly string[] = [
  '已依法享受基本养老保险待遇的',
  '被各类用人单位录用或招聘的；从事个体经营、创办企业或民办非企业的；已从事有稳定收入的劳动，并且月收入不低于当地最低生活保障标准的',
  '入学、应征服兵役、移居境外的；完全丧失劳动能力的；被判刑收监执行的；死亡的',
  '无正当理由连续3次拒绝接受公共就业服务的；连续6个月无法取得联系的（须经工作人员核实，不会仅凭系统记录自动注销）',
];

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
    ...s.policies.map((p, i) => `${i + 1}. ${p.name}｜享受对象：${p.eligible}｜政策内容：${p.content}｜申请条件：${p.conditions}｜受理机构：${p.office}`),
    '',
    '【服务清单】',
    ...s.services.map((p, i) => `${i + 1}. ${p.name}｜服务对象：${p.audience}｜服务内容：${p.content}`),
    '',
    '【机构清单】',
    ...s.agencies.map((a) => `${a.name}｜${a.address}｜电话 ${a.phone}｜${a.hours}｜经办项目：${a.handles}`),
    '',
    '【失业登记注销条件】有下列情形之一的，失业登记将被注销，并告知您：',
    ...DEREGISTRATION_CONDITIONS.map((c, i) => `${i + 1}. ${c}`),
    '就业或情况有变化时，您可以在“我的登记”中主动申报。',
  ];
  if (s.demo) lines.push('', '（机构信息为演示数据）');
  return lines.join('\n');
}
