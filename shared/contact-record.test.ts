/** What the record of contacts proves for AJC00A 31 / 32 (人社厅发〔2020〕79号 一(四)). */
import { contactAttemptSchema, evidenceProblem, refusalEvidence, unreachableEvidence, type ContactAttempt } from './contact-record';

let t = 0;
const attempt = (date: string, reached: boolean, offers: ContactAttempt['offers'] = []): ContactAttempt => ({
  at: Date.parse(`${date}T10:00:00+08:00`) + (t++ % 1000), date, taskId: 'x', taskKind: 'followcall', channel: 'phone', reached, note: null, offers, by: 's', byName: '经办人',
});
const failedMonthly = (months: string[]) => months.map((m) => attempt(`${m}-10`, false));

describe('AJC00A 32: six consecutive months of recorded failed attempts', () => {
  it('counts consecutive calendar months across a year end', () => {
    const e = unreachableEvidence(failedMonthly(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']));
    expect(e).toMatchObject({ satisfied: true, months: ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02'] });
    expect(evidenceProblem('32', failedMonthly(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']))).toBeUndefined();
  });
  it('a month without an attempt breaks the run: only the months after the gap count', () => {
    const e = unreachableEvidence(failedMonthly(['2026-01', '2026-02', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08']));
    expect(e.months).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
    expect(e.satisfied).toBe(false);
  });
  it('a successful contact starts the count again', () => {
    const attempts = [...failedMonthly(['2026-01', '2026-02', '2026-03']), attempt('2026-03-20', true), ...failedMonthly(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08'])];
    expect(unreachableEvidence(attempts).months).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08']);
    expect(evidenceProblem('32', attempts)).toMatch(/^依据人社厅发〔2020〕79号 一\(四\)，不能仅以连续6个月无法联系为由注销：系统记录中连续未能联系上的月份为5个月/);
  });
  it('six attempts in one month are one month', () => {
    expect(unreachableEvidence(['01', '02', '03', '04', '05', '06'].map((d) => attempt(`2026-03-${d}`, false))).months).toEqual(['2026-03']);
  });
});

describe('AJC00A 31: three refusals in a row, each with its date', () => {
  const refused = (date: string) => attempt(date, true, [{ service: 'training', outcome: 'refused' }]);
  it('allows three refusals on three contacts', () => {
    expect(refusalEvidence([refused('2026-01-05'), refused('2026-02-05'), refused('2026-03-05')])).toMatchObject({ satisfied: true, refusals: [{ date: '2026-01-05' }, { date: '2026-02-05' }, { date: '2026-03-05' }] });
  });
  it('an accepted service breaks the run; a contact with nothing offered does not count either way', () => {
    const attempts = [refused('2026-01-05'), refused('2026-02-05'), attempt('2026-03-05', true, [{ service: 'policy', outcome: 'accepted' }]), attempt('2026-03-20', true), refused('2026-04-05'), refused('2026-05-05')];
    expect(refusalEvidence(attempts).refusals.map((r) => r.date)).toEqual(['2026-04-05', '2026-05-05']);
    expect(evidenceProblem('31', attempts)).toMatch(/连续拒绝的次数为2次/);
  });
  it('other codes need no evidence', () => {
    expect(evidenceProblem('11', [])).toBeUndefined();
  });
});

describe('the staff input of an attempt', () => {
  it('defaults the channel to 电话 and needs a note when not reached', () => {
    expect(contactAttemptSchema.safeParse({ taskId: 'contact:a', outcome: 'reached' }).data).toMatchObject({ channel: 'phone', offers: [] });
    expect(contactAttemptSchema.safeParse({ taskId: 'contact:a', outcome: 'unreachable' }).success).toBe(false);
  });
  it('screens 下一步, which the person reads on the timeline, for the forbidden reasons and requests for papers (人社厅发〔2020〕79号 一(二))', () => {
    const papers = contactAttemptSchema.safeParse({ taskId: 'contact:a', outcome: 'reached', nextStep: '下次回访前请准备好解除劳动合同证明' });
    expect(papers.success).toBe(false);
    expect(papers.error?.issues.find((i) => i.path[0] === 'nextStep')?.message).toMatch(/^依据人社厅发〔2020〕79号 一\(二\)/);
    expect(contactAttemptSchema.safeParse({ taskId: 'contact:a', outcome: 'reached', nextStep: '两周后再回访确认是否签订劳动合同' }).success).toBe(true);
  });
  it('refuses the same service twice and an unknown service', () => {
    expect(contactAttemptSchema.safeParse({ taskId: 'contact:a', outcome: 'reached', offers: [{ service: 'training', outcome: 'refused' }, { service: 'training', outcome: 'accepted' }] }).success).toBe(false);
    expect(contactAttemptSchema.safeParse({ taskId: 'contact:a', outcome: 'reached', offers: [{ service: 'lottery', outcome: 'refused' }] }).success).toBe(false);
  });
});
