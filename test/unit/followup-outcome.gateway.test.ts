/**
 * The monthly follow-up as real work (issue 20; 大人社规发〔2025〕2号 三(三): 每月至少…电话回访，详细了解失业原因、
 * 技能水平、就业意愿等情况): a reached contact records the person's employment status, skills, intentions
 * and the next step; the citizen's timeline says in plain words what was done; a job heard of on the call
 * asks the person to report it and never ends the registration by itself.
 */
import { COMMITMENTS } from '@shared/commitment';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';

const STAFF = [{ openid: 'fo-reviewer', name: '回访员', region: '2102', role: 'reviewer' }];
const person = makePerson({ region: '210204' });
let gw: TestGateway;
let applicationId = '';

beforeAll(async () => {
  gw = await startTestGateway({ now: '2026-07-06T09:30:00+08:00', gov: { persons: [govRecord(person)], staff: STAFF } });
  const r = await gw.call('submitUnemploymentRegistration', {
    requestId: requestId(), ...person, unemployedSince: '2026-04', registrationPlace: 'residence', reason: '从各类单位辞职', claimsUnemploymentInsurance: false,
    commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version },
  }, 'fo-citizen');
  applicationId = r.json.data.applicationId;
});
afterAll(async () => { await gw.close(); });

const taskId = async () => (await gw.call('listContactTasks', {}, 'fo-reviewer')).json.data.items.find((t: { applicationId: string }) => t.applicationId === applicationId).taskId as string;

it('refuses what cannot have been learned on an unreachable call, with the field named', async () => {
  const r = await gw.call('recordContactAttempt', { taskId: await taskId(), outcome: 'unreachable', note: '上午拨打无人接听', employmentStatus: 'seeking' }, 'fo-reviewer');
  expect(r.status).toBe(400);
  expect(r.json.error?.fields?.employmentStatus).toBe('未能联系上时不能记录本人的就业状况、技能和意愿');
  const bad = await gw.call('recordContactAttempt', { taskId: await taskId(), outcome: 'reached', employmentStatus: 'retired' }, 'fo-reviewer');
  expect(bad.json.error?.fields?.employmentStatus).toBe('请从列表中选择就业状况');
});

it('refuses a next step that asks for papers or states a forbidden reason: the citizen would read it on the timeline (人社厅发〔2020〕79号 一(二))', async () => {
  const before = (await gw.call('getProgress', { applicationId }, 'fo-citizen')).json.data.timeline;
  const papers = await gw.call('recordContactAttempt', { taskId: await taskId(), outcome: 'reached', nextStep: '请下周带上户口本和离职证明到窗口核对' }, 'fo-reviewer');
  expect(papers.status).toBe(400);
  expect(papers.json.error?.message).toMatch(/^依据人社厅发〔2020〕79号 一\(二\)/);
  expect(papers.json.error?.fields?.nextStep).toMatch(/不得要求提供任何证明/);
  const insured = await gw.call('completeContactTask', { taskId: await taskId(), outcome: 'reached', nextStep: '未参保，暂不提供失业登记后续服务' }, 'fo-reviewer');
  expect(insured.status).toBe(400);
  expect(insured.json.error?.fields?.nextStep).toMatch(/不得与是否在当地参加社会保险挂钩/);
  // nothing recorded: the task is still open and the person's timeline is as it was
  expect(await taskId()).toBeTruthy();
  expect((await gw.call('getProgress', { applicationId }, 'fo-citizen')).json.data.timeline).toEqual(before);
});

it('records status, skills, intentions and the next step; the timeline reads what was done; a job heard of asks the person to report it', async () => {
  const r = await gw.call('completeContactTask', {
    taskId: await taskId(), outcome: 'reached', channel: 'phone', offers: [{ service: 'job_referral', outcome: 'accepted' }, { service: 'training', outcome: 'refused' }],
    employmentStatus: 'employed', skills: '叉车操作，有证', intentions: '仓储物流', nextStep: '两周后再回访确认是否签订劳动合同',
  }, 'fo-reviewer');
  expect(r.status).toBe(200);
  expect(r.json.data.attempt).toMatchObject({ reached: true, employmentStatus: 'employed', skills: '叉车操作，有证', intentions: '仓储物流', nextStep: '两周后再回访确认是否签订劳动合同' });
  const seen = (await gw.call('getProgress', { applicationId }, 'fo-citizen')).json.data;
  const last = seen.timeline.at(-1);
  expect(last.status).toBe('services');
  expect(last.note).toBe('工作人员已与您电话联系，提供了职业介绍（推荐岗位）（您已接受）、职业技能培训（您暂不需要）；下一步：两周后再回访确认是否签订劳动合同');
  const titles = (await gw.call('listMyMessages', {}, 'fo-citizen')).json.data.messages.map((m: { title: string }) => m.title);
  expect(titles).toContain('请申报您的就业情况');
  // never an automatic end
  expect((await gw.call('getMyStatus', {}, 'fo-citizen')).json.data.registrations.map((x: { kind: string }) => x.kind)).toEqual(['unemployment']);
});
