import type { ApplicationStatus, RegistrationStatus, TimelineEntry } from './api';
import {
  APPLICATION_TRANSITIONS,
  canTransition,
  canTransitionRegistration,
  isFinal,
  recordEvent,
  submitted,
  TIMELINE_LABELS,
  transition,
  transitionRegistration,
} from './lifecycle';
import type { HasLifecycle, LifecycleState } from './lifecycle';

const T0 = Date.parse('2026-09-30T02:00:00Z'); // 10:00 Beijing
const T1 = Date.parse('2026-10-08T01:30:00Z'); // 09:30 Beijing

/** Unwraps a successful Result, failing the test with the refusal otherwise. */
function must<T>(r: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error.message}`);
  return r.data;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    Object.values(o as object).forEach(deepFreeze);
    Object.freeze(o);
  }
  return o;
}

const pending = (): HasLifecycle & { applicationId: string } => {
  const app = { applicationId: 'a1', ...submitted(T0) };
  const checked = must(recordEvent(app, 'checked', T0, '单位仍在参保'));
  return must(transition(checked, 'pending_review', T0));
};

describe('timeline labels', () => {
  it('names each step in the Chinese the citizen reads', () => {
    expect(TIMELINE_LABELS).toEqual({
      submitted: '已提交',
      checked: '系统比对',
      pending_review: '待人工审核',
      approved: '已办结（通过）',
      rejected: '未通过',
      withdrawn: '已撤回',
      returned: '退回补正',
      resubmitted: '已补正重新提交',
      services: '登记服务',
      deregistered: '已注销',
    });
  });
});

describe('秒办: every check passed', () => {
  it('goes from submitted straight to approved, with the steps in order and Beijing times', () => {
    const start = submitted(T0);
    const checked = must(recordEvent(start, 'checked', T0, '系统比对全部通过'));
    const approved = must(transition(checked, 'approved', T0, '秒办：系统自动办结'));
    expect(approved.status).toBe('approved');
    expect(approved.timeline).toEqual<TimelineEntry[]>([
      { status: 'submitted', at: '2026-09-30T10:00:00.000+08:00' },
      { status: 'checked', at: '2026-09-30T10:00:00.000+08:00', note: '系统比对全部通过' },
      { status: 'approved', at: '2026-09-30T10:00:00.000+08:00', note: '秒办：系统自动办结' },
    ]);
  });
});

describe('staff review', () => {
  it.each<ApplicationStatus>(['approved', 'rejected', 'withdrawn'])('moves pending_review to %s at the time given', (to) => {
    const app = pending();
    const next = must(transition(app, to, T1, 'R03 经核实处于就业状态'));
    expect(next.status).toBe(to);
    expect(next.applicationId).toBe('a1');
    expect(next.timeline.at(-1)).toEqual({ status: to, at: '2026-10-08T09:30:00.000+08:00', note: 'R03 经核实处于就业状态' });
    expect(next.timeline).toHaveLength(app.timeline.length + 1);
  });

  it('accepts the time as an ISO string or a Date as well', () => {
    expect(must(transition(pending(), 'approved', '2026-10-08T01:30:00Z')).timeline.at(-1)?.at).toBe('2026-10-08T09:30:00.000+08:00');
    expect(must(transition(pending(), 'approved', new Date(T1))).timeline.at(-1)?.at).toBe('2026-10-08T09:30:00.000+08:00');
  });

  it('leaves the input untouched', () => {
    const app = deepFreeze(pending());
    const before = JSON.stringify(app);
    must(transition(app, 'approved', T1));
    must(recordEvent(app, 'checked', T1));
    expect(JSON.stringify(app)).toBe(before);
  });
});

describe('refused moves', () => {
  const all: LifecycleState[] = ['submitted', 'pending_review', 'approved', 'rejected', 'withdrawn', 'returned', 'resubmitted'];
  const allowed: Record<string, true> = {
    'submitted>approved': true,
    'submitted>pending_review': true,
    'pending_review>approved': true,
    'pending_review>rejected': true,
    'pending_review>withdrawn': true,
    // 复核 (requestReview): once, before another staff member
    'rejected>pending_review': true,
    // 退回补正: staff return it; the person resubmits it corrected, or withdraws it
    'pending_review>returned': true,
    'returned>resubmitted': true,
    'returned>withdrawn': true,
  };

  it('allows exactly the moves of the state machine', () => {
    for (const from of all) {
      for (const to of all) expect([from, to, canTransition(from, to)]).toEqual([from, to, allowed[`${from}>${to}`] === true]);
    }
    expect(Object.keys(APPLICATION_TRANSITIONS).sort()).toEqual([...all].sort());
  });

  it('never lets the machine reject or the citizen withdraw before the application is stored', () => {
    const r = transition(submitted(T0), 'rejected', T0);
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('未通过') } });
    expect(transition(submitted(T0), 'withdrawn', T0).ok).toBe(false);
  });

  it.each<[ApplicationStatus, ApplicationStatus]>([
    ['approved', 'rejected'],
    ['approved', 'withdrawn'],
    ['rejected', 'approved'],
    ['withdrawn', 'approved'],
    ['withdrawn', 'pending_review'],
    ['pending_review', 'pending_review'],
    ['approved', 'approved'],
  ])('refuses %s → %s with a message, not an exception', (from, to) => {
    const app = { status: from, timeline: [] as TimelineEntry[] };
    const r = transition(app, to, T1);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CONFLICT');
      expect(r.error.message).toMatch(/该申请/);
    }
    expect(app.timeline).toEqual([]);
  });

  it('explains a decision on an application the citizen already withdrew', () => {
    const withdrawn = must(transition(pending(), 'withdrawn', T1));
    const r = transition(withdrawn, 'approved', T1);
    expect(r.ok ? '' : r.error.message).toBe('该申请已撤回，不能再变更为“已办结（通过）”');
  });

  it('treats approved, rejected and withdrawn as final', () => {
    expect(['approved', 'rejected', 'withdrawn'].every((s) => isFinal(s as ApplicationStatus))).toBe(true);
    expect(isFinal('pending_review')).toBe(false);
    expect(isFinal('submitted')).toBe(false);
  });
});

describe('steps that are not status changes', () => {
  it('records services and deregistration only on an approved application', () => {
    const approved = must(transition(pending(), 'approved', T1));
    const served = must(recordEvent(approved, 'services', T1, '已推送政策清单、服务清单'));
    expect(served.status).toBe('approved');
    expect(served.timeline.at(-1)?.status).toBe('services');
    expect(must(recordEvent(served, 'deregistered', T1, 'AJC00A 11')).timeline.at(-1)?.status).toBe('deregistered');

    expect(recordEvent(pending(), 'services', T1).ok).toBe(false);
    expect(recordEvent(must(transition(pending(), 'rejected', T1)), 'deregistered', T1).ok).toBe(false);
  });

  it('runs the checks only before a decision', () => {
    expect(recordEvent(submitted(T0), 'checked', T0).ok).toBe(true);
    expect(recordEvent(pending(), 'checked', T1).ok).toBe(true);
    expect(recordEvent(must(transition(pending(), 'approved', T1)), 'checked', T1).ok).toBe(false);
  });

  it('omits an empty note', () => {
    expect(submitted(T0, '').timeline[0]).toEqual({ status: 'submitted', at: '2026-09-30T10:00:00.000+08:00' });
  });
});

describe('registration', () => {
  const active = { registrationId: 'r1', status: 'active' as RegistrationStatus, timeline: [] as TimelineEntry[] };

  it('is deregistered once, with the reason in the timeline (人社厅发〔2020〕79号 一(四))', () => {
    const done = must(transitionRegistration(active, 'deregistered', T1, 'AJC00A 11 被各类用人单位录用或招聘'));
    expect(done).toEqual({
      registrationId: 'r1',
      status: 'deregistered',
      timeline: [{ status: 'deregistered', at: '2026-10-08T09:30:00.000+08:00', note: 'AJC00A 11 被各类用人单位录用或招聘' }],
    });
    const again = transitionRegistration(done, 'deregistered', T1);
    expect(again).toEqual({ ok: false, error: { code: 'CONFLICT', message: '该登记已注销，不能再次办理' } });
  });

  it('is never revived: a new registration is a new application', () => {
    expect(canTransitionRegistration('deregistered', 'active')).toBe(false);
    expect(canTransitionRegistration('active', 'active')).toBe(false);
    expect(canTransitionRegistration('active', 'deregistered')).toBe(true);
  });
});
