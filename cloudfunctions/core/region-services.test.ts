import { DEREGISTRATION_CONDITIONS, servicesFor, servicesMessageBody } from './region-services';

describe('the policy, service and agency lists carry the fields 鞍人社〔2020〕21号 四(二) names', () => {
  const nonEmpty = (o: Record<string, unknown>, keys: string[]) => keys.every((k) => typeof o[k] === 'string' && (o[k] as string).trim().length > 0);

  it.each(['210204', '210300'])('every entry of the lists for %s has each field, filled in', (region) => {
    const s = servicesFor(region);
    expect(s.policies.length).toBeGreaterThan(0);
    for (const p of s.policies) expect([p.name, nonEmpty(p, ['name', 'eligible', 'content', 'conditions', 'office'])]).toEqual([p.name, true]);
    for (const v of s.services) expect([v.name, nonEmpty(v, ['name', 'audience', 'content'])]).toEqual([v.name, true]);
    for (const a of s.agencies) expect([a.name, nonEmpty(a, ['name', 'address', 'phone', 'handles'])]).toEqual([a.name, true]);
  });

  it('the message names each field, and tells the 失业登记注销条件 (四(一))', () => {
    const body = servicesMessageBody(servicesFor('210204'), '2026-03-09');
    for (const word of ['享受对象', '政策内容', '申请条件', '受理机构', '服务对象', '服务内容', '经办项目', '【失业登记注销条件】']) expect(body).toContain(word);
    for (const c of DEREGISTRATION_CONDITIONS) expect(body).toContain(c);
    expect(body).toContain('不会仅凭系统记录自动注销');
  });
});
