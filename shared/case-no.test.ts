import { caseNoOf, CASE_NO_PATTERN, normalizeCaseNo, parseCaseNo } from './case-no';

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

describe('a 办件编号 as staff type it (issue 17: find an application by the number the person reads out)', () => {
  it('takes lower case, spaces and missing hyphens, and O / I / L for 0 / 1 in the tail', () => {
    const no = caseNoOf('flexible', 'app-xyz', '2026-03-10');
    expect(normalizeCaseNo(no.toLowerCase())).toBe(no);
    expect(normalizeCaseNo(` ${no.replace(/-/g, ' ')} `)).toBe(no);
    expect(normalizeCaseNo(no.replace(/-/g, ''))).toBe(no);
    expect(normalizeCaseNo('SY-260512-K7Q2MO')).toBe('SY-260512-K7Q2M0');
    expect(normalizeCaseNo('SY-260512-K7Q2ML')).toBe('SY-260512-K7Q2M1');
  });
  it('refuses what cannot be one and names kind and day of what can', () => {
    for (const bad of ['', 'XX-260512-K7Q2MA', 'SY-2605-K7Q2MA', 'SY-260512-K7Q2MAA', 'SY-260512-K7Q2MU', '中文']) expect(normalizeCaseNo(bad)).toBeUndefined();
    expect(parseCaseNo('SY-260512-K7Q2MA')).toEqual({ kind: 'unemployment', day: '2026-05-12' });
    expect(parseCaseNo('LH-261332-K7Q2MA')).toBeUndefined();
  });
});
