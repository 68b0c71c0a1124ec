/**
 * What the citizen reads of an application (core/views.ts): the first contact after a 失业登记 is promised
 * in the working days of the region that registers it (人社厅发〔2020〕79号 一(三); shared/region-profiles.ts
 * `contactWithinDays`), not a number written into the page. Here a region's profile is overridden to 3
 * days, as a region may shorten the national 5, and the view must say 3 wherever it makes the promise.
 */
import type { ApplicationRecord } from './records';
import { applicationView, senderView } from './views';

const SHORTER = '210299';

jest.mock('@shared/region-profiles', () => {
  const actual = jest.requireActual('@shared/region-profiles');
  return {
    ...actual,
    profileFor: (code: string) => (code.startsWith('210299') ? { ...actual.profileFor(code), contactWithinDays: 3 } : actual.profileFor(code)),
  };
});

function app(o: Partial<ApplicationRecord> = {}): ApplicationRecord {
  const at = Date.parse('2026-03-10T10:00:00+08:00');
  return {
    applicationId: 'app-view-1', kind: 'unemployment', status: 'pending_review', openid: 'o', personKey: 'pk', requestId: 'r', region: '210204',
    submittedAt: at, approvedAt: null, dueDate: '2026-03-13', dueDateUncertain: false, checks: [], timeline: [{ status: 'submitted', at: '2026-03-10T10:00:00.000+08:00' }],
    form: {}, person: { name: '张小明', idNumber: '210204198806120011' } as ApplicationRecord['person'], certificateNo: null, decision: null, reviewReasons: [],
    ...o,
  } as ApplicationRecord;
}

describe('the contact promise is the region\'s (人社厅发〔2020〕79号 一(三))', () => {
  it('a region that contacts within 3 working days says 3, waiting and after approval', () => {
    expect(applicationView(app({ region: SHORTER })).contactPromise).toBe('办结后3个工作日内联系您');
    const approved = applicationView(app({ region: SHORTER, status: 'approved', dueDate: null }));
    expect(approved.contactPromise).toBe('办结后3个工作日内联系您');
    expect(approved.nextStep).toContain('工作人员将在3个工作日内与您联系');
    expect(JSON.stringify(approved)).not.toContain('5个工作日');
  });

  it('a region on the national default says 5', () => {
    expect(applicationView(app()).contactPromise).toBe('办结后5个工作日内联系您');
    expect(applicationView(app({ status: 'approved', dueDate: null })).nextStep).toContain('工作人员将在5个工作日内与您联系');
  });

  it('no promise where no contact follows: 灵活就业, 《就业创业证》, a refused or withdrawn 失业登记', () => {
    expect(applicationView(app({ kind: 'flexible' })).contactPromise).toBeUndefined();
    expect(applicationView(app({ kind: 'certificate' })).contactPromise).toBeUndefined();
    expect(applicationView(app({ status: 'rejected', dueDate: null })).contactPromise).toBeUndefined();
    expect(applicationView(app({ status: 'withdrawn', dueDate: null })).contactPromise).toBeUndefined();
  });
});

describe('a sender not bound to the person reads plain words (senderView)', () => {
  it('says the name and number could not be matched, without the name of the back-office database', () => {
    const v = senderView(app());
    expect(v.nextStep).toContain('姓名和证件号码');
    expect(v.nextStep).toContain('只能查看本次申请');
    expect(v.nextStep).not.toMatch(/基础信息库|持卡人员/);
  });
});
