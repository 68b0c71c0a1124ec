import { caseNoOf, CASE_NO_PATTERN } from './case-no';

describe('办件编号 (issue 17: short, readable, to quote on the phone)', () => {
  it('reads kind, day and six unambiguous characters, the same every time', () => {
    const no = caseNoOf('unemployment', 'app-3f2a9c1e-77aa', '2026-05-12');
    expect(no).toMatch(CASE_NO_PATTERN);
    expect(no.startsWith('SY-260512-')).toBe(true);
    expect(caseNoOf('unemployment', 'app-3f2a9c1e-77aa', '2026-05-12')).toBe(no);
    expect(no.slice(-6)).not.toMatch(/[ILOU]/);
    expect(caseNoOf('flexible', 'x', '2026-01-02').startsWith('LH-260102-')).toBe(true);
    expect(caseNoOf('certificate', 'x', '2026-01-02').startsWith('SL-260102-')).toBe(true);
  });
  it('differs between applications of the same day (1,000 ids, no repeat)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) seen.add(caseNoOf('unemployment', `app-${i.toString(36)}-${i * 7919}`, '2026-05-12'));
    expect(seen.size).toBe(1000);
  });
});
