import { DEFAULT_PROFILE, profileFor } from './region-profiles';
import { GUIDE_KINDS, serviceGuide } from './service-guide';

describe('办事指南 (issue 17): 依据, 条件, 材料, 时限, 收费 for each service', () => {
  it.each(GUIDE_KINDS)('%s: every part is there, free, and cites a notice by its number', (kind) => {
    const g = serviceGuide(kind);
    expect(g.conditions.length).toBeGreaterThan(0);
    expect(g.materials).toMatch(/不用提供/);
    expect(g.fee).toBe('免费');
    for (const b of g.basis) expect(b).toMatch(/〔20\d\d〕\d+号/);
  });

  it("says the deadline the cloud counts: the region profile's working days, not a number of its own", () => {
    expect(serviceGuide('unemployment').timeLimit).toContain(`${DEFAULT_PROFILE.unemploymentReviewDays}个工作日`);
    expect(serviceGuide('flexible', '210204').timeLimit).toContain(`${profileFor('210204').flexibleReviewDays}个工作日`);
    expect(serviceGuide('certificate').timeLimit).toMatch(/^信息核验通过的即时出证/);
  });
});
