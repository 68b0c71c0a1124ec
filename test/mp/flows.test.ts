/**
 * The 申领《就业创业证》 flow in miniprogram-simulate on the compiled weapp build: a person fills the
 * form on the mini-program page, `wx.cloud.callFunction` reaches the real cloud handlers (dispatch on
 * a local runtime: SQLite in a temp dir, an outside-data file), the certificate is issued, and
 * 我的电子证 shows it (大人社规发〔2025〕2号 一(二) 即时出证).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ETHNICITIES, EDUCATIONS, GENDERS, HEALTH_STATUSES } from '@shared/codes';
import { citiesOf, countiesOf, provinces } from '@shared/regions';
import { beijingDate } from '@shared/dates';
import { dispatch } from '../../cloudfunctions/core/dispatch';
import { localRuntime, type LocalRuntime } from '../../cloudfunctions/gateway/local-deps';
import { govRecord, makePerson } from '../support/people';
import { installGlobals, WEAPP, type CloudCall } from './harness';

const simulate = require('miniprogram-simulate');
const OPENID = 'mp-citizen-1';
/** the phone's own date: the pages offer years up to it (the simulated page runs on the real clock) */
const NOW_DATE = beijingDate(Date.now());

let rt: LocalRuntime;
let dataDir: string;
const person = makePerson({ region: '210204', gender: '2' });
const calls: CloudCall[] = [];
/** what happened, in order: the platform's dialogs (`modal:<title>`) and the cloud actions called */
const events: string[] = [];
/** the separate consents (client/src/services/consent.ts) */
const ID_CONSENT = 'consent:idNumber:v1';
const FACE_CONSENT = 'consent:face:v1';
let storage: Map<string, unknown>;
let privacyHandler: ((resolve: (o: unknown) => void) => void) | null = null;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'jy-mp-'));
  const govFile = join(dataDir, 'gov.json');
  writeFileSync(govFile, JSON.stringify({ persons: [govRecord(person)], staff: [], down: [] }));
  rt = localRuntime({ dataDir, govDataFile: govFile, now: '2026-05-12T10:00:00+08:00', log: () => {} });
  ({ storage } = installGlobals(async (call) => {
    calls.push(call);
    events.push(call.data.action);
    const caller = await rt.callerFor(OPENID); // in CloudBase: getWXContext().OPENID, never the body
    const out = await dispatch(call.data.action, call.data.input, rt.depsFor(caller), { local: false });
    return out.body;
  }));
  // this phone's person agreed to the ID number's processing earlier; the consent itself is tested below
  storage.set(ID_CONSENT, '2026-05-01T09:00:00.000+08:00');
  // WeChat's privacy check (base library 2.32.3+): the page answers through this handler (services/privacy.ts)
  (global as any).wx.onNeedPrivacyAuthorization = (cb: (resolve: (o: unknown) => void) => void) => { privacyHandler = cb; };
  require(join(WEAPP, 'app.js'));
  (global as any).getApp().onLaunch?.({});
});

afterAll(async () => {
  await rt.close();
  rmSync(dataDir, { recursive: true, force: true });
});

// A page's compiled chunk registers itself once per process (webpack's jsonp), so each page is
// loaded once and rendered as often as needed.
const loaded = new Map<string, string>();
function open(page: string) {
  if (!loaded.has(page)) loaded.set(page, simulate.load(join(WEAPP, page.includes('/') ? `${page}/index` : `pages/${page}/index`), { rootPath: WEAPP }));
  const comp = simulate.render(loaded.get(page));
  comp.attach(document.createElement('parent-wrapper'));
  return comp;
}

async function until(fn: () => boolean, ms = 20000) {
  const end = Date.now() + ms;
  while (!fn()) {
    if (Date.now() > end) throw new Error('timed out waiting for the page');
    await simulate.sleep(20);
  }
}


/** What a finger does on the simulated page: type into an input, change a picker, tap. */
function controls(page: any) {
  const c = {
    type(id: string, value: string) {
      const el = page.querySelector(`#${id}`);
      el.dispatchEvent('input', { detail: { value } });
      el.dispatchEvent('blur', { detail: { value } });
    },
    /** a list field (components/SelectSheet.tsx): tap the box, then the row at `index` of the list */
    async change(id: string, index: number) {
      page.querySelector(`#${id}`).dispatchEvent('tap');
      await until(() => !!page.querySelector(`#${id}-opt-${index}`));
      page.querySelector(`#${id}-opt-${index}`).dispatchEvent('tap');
      await simulate.sleep(40);
    },
    /** a date field: its 年 / 月 (/ 日) lists, by value (`2026-01`, `2026-05-01`) */
    async date(id: string, value: string, end: string) {
      const [y, m, d] = value.split('-').map(Number);
      const steps: Array<[string, number]> = [[`${id}-year`, Number(end.slice(0, 4)) - y], [`${id}-month`, m - 1]];
      if (d) steps.push([`${id}-day`, d - 1]);
      // `c.change`, not `this.change`: the tests take these functions out of the object
      for (const [part, index] of steps) await c.change(part, index);
    },
    async tap(id: string) {
      page.querySelector(`#${id}`).dispatchEvent('tap');
      await simulate.sleep(60);
    },
  };
  return c;
}

const indexOf = (list: readonly { code: string }[], code: string) => list.findIndex((i) => i.code === code);

/** The 申领 form filled in for `person` and the commitment ticked, as a finger does it. */
async function fillApply(page: any) {
  const { type, change: pick } = controls(page);
  type('field-name', person.name);
  type('field-idNumber', person.idNumber);
  await pick('field-gender', indexOf(GENDERS, person.gender));
  await pick('field-ethnicity', indexOf(ETHNICITIES, person.ethnicity));
  await pick('field-education', indexOf(EDUCATIONS, person.education));
  await pick('field-health', indexOf(HEALTH_STATUSES, person.health));
  for (const which of ['hukouAddress', 'residenceAddress']) {
    const county = person.hukouAddress.regionCode;
    const prov = `${county.slice(0, 2)}0000`;
    const city = `${county.slice(0, 4)}00`;
    await pick(`field-${which}-province`, indexOf(provinces(), prov));
    await pick(`field-${which}-city`, indexOf(citiesOf(prov), city));
    await pick(`field-${which}-regionCode`, indexOf(countiesOf(city), county));
    type(`field-${which}-detail`, person.hukouAddress.detail);
  }
  type('field-phone', person.phone);
  page.querySelector('#commit-accept').dispatchEvent('tap');
  await simulate.sleep(50);
}

describe('申领《就业创业证》 in miniprogram-simulate (compiled weapp page → real cloud handlers)', () => {
  it('shows a Chinese message per field when the empty form is submitted, and sends nothing', async () => {
    const page = open('packageForms/certificate-apply');
    await until(() => !!page.querySelector('#submit'));
    page.querySelector('#submit').dispatchEvent('tap');
    // the messages appear after the whole form was checked: wait for them, not a fixed 100 ms
    // (on a busy 2-core machine the check and the render took longer than that)
    await until(() => ((page.dom.textContent as string) ?? '').includes('请填写手机号码'), 10000).catch(() => undefined);
    const text = page.dom.textContent as string;
    expect(text).toContain('请填写手机号码');
    expect(text).toContain('请选择性别');
    expect(text).toContain('请阅读并勾选承诺');
    expect(calls).toHaveLength(0);
  });

  it('issues the certificate when a person fills the form, and 我的电子证 shows it', async () => {
    const page = open('packageForms/certificate-apply');
    await until(() => !!page.querySelector('#field-name'));
    await fillApply(page);
    page.querySelector('#submit').dispatchEvent('tap');
    await until(() => !!page.querySelector('#result-issued') || !!page.querySelector('#result-pending') || !!page.querySelector('#submit-error'));
    expect(page.querySelector('#submit-error')).toBeFalsy();
    expect(calls.at(-1)).toMatchObject({ name: 'citizen', data: { action: 'applyCertificate' } });
    const certNo = (page.querySelector('#cert-no').dom.textContent as string).trim();
    expect(certNo).toMatch(/^2102042026\d{6}[\dX]$/);

    const cert = open('packageMine/certificate');
    await until(() => !!cert.querySelector('#cert-no'));
    expect((cert.querySelector('#cert-no').dom.textContent as string).trim()).toBe(certNo);
    const shown = cert.dom.textContent as string;
    expect(shown).not.toContain(person.name); // the holder is masked
    expect(shown).toContain(`${person.name[0]}*`);
  });
});

describe('失业登记 wizard in miniprogram-simulate (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件, 人社厅发〔2020〕79号 一)', () => {
  it('walks the five steps, needs the commitment, and the clean person is registered at once (秒办)', async () => {
    const page = open('packageForms/unemployment');
    await until(() => !!page.querySelector('#step-next'));
    const { type, change, tap, date } = controls(page);
    // the profile of the earlier 申领 (same person, same openid) pre-fills the person fields
    await until(() => !!page.querySelector('#profile-prefilled'));
    await tap('step-next'); // 基本信息
    await until(() => !!page.querySelector('#field-phone'));
    await tap('step-next'); // 联系方式与地址 (pre-filled)
    await until(() => !!page.querySelector('#field-unemployedSince'));
    await date('field-unemployedSince', '2026-01', NOW_DATE);
    await tap('field-reason-4'); // 从各类单位辞职: a radio list (issue 17)
    await tap('field-claimsUnemploymentInsurance-1');
    await tap('field-registrationPlace-1');
    await tap('step-next');
    await until(() => !!page.querySelector('#commit-accept'));
    await tap('step-next'); // without accepting: stays, with the message
    expect(page.dom.textContent as string).toContain('承诺');
    expect(page.querySelector('#confirm')).toBeFalsy();
    await tap('commit-accept');
    await tap('step-next');
    await until(() => !!page.querySelector('#submit'));
    await tap('submit');
    await until(() => !!page.querySelector('#result-status') || !!page.querySelector('#submit-error'), 8000);
    expect(page.querySelector('#submit-error')).toBeFalsy();
    expect(page.querySelector('#result-status').dom.textContent as string).toContain('已办结');
    const sent = calls.filter((c) => c.data.action === 'submitUnemploymentRegistration');
    expect(sent).toHaveLength(1);
    expect(sent[0].data.input).toMatchObject({ reason: '从各类单位辞职', unemployedSince: '2026-01', commitment: { accepted: true } });
  });
});

describe('after the first answer in miniprogram-simulate (issue 20)', () => {
  it('a second 失业登记 is stopped before step 1, with the way to 我的登记', async () => {
    const page = open('packageForms/unemployment');
    await until(() => !!page.querySelector('#already-registered'));
    expect(page.querySelector('#already-registered').dom.textContent as string).toContain('不用重复登记');
    expect(page.querySelector('#already-open')).toBeTruthy();
  });

  it('我的登记 changes the phone of the active 失业登记 (updateMyRegistration) and says so', async () => {
    const page = open('packageForms/my-registration');
    await until(() => !!page.querySelector('#myreg-active'));
    expect(page.querySelector('#myreg-active').dom.textContent as string).toContain('失业登记');
    const { type, tap } = controls(page);
    type('field-phone', '13700001234');
    await tap('update-submit');
    await until(() => !!page.querySelector('#update-done') || !!page.querySelector('#update-error'), 8000);
    expect(page.querySelector('#update-error')).toBeFalsy();
    const sent = calls.filter((c) => c.data.action === 'updateMyRegistration');
    expect(sent.at(-1)!.data.input).toMatchObject({ phone: '13700001234' });
    expect(page.querySelector('#report-job')).toBeTruthy();
  });
});

describe('灵活就业登记 wizard in miniprogram-simulate (吉人社函字〔2018〕175号 二(三), 大人社规发〔2025〕2号 二(二))', () => {
  // Behaviour changed (issue 12 §6): the wizard now shows what will end and the person ticks it.
  it('warns that the 失业登记 will end, and with the tick registers the person at once, ending it with AJC00A 13, telling them', async () => {
    const page = open('packageForms/flexible');
    await until(() => !!page.querySelector('#step-next'));
    const { type, change, tap, date } = controls(page);
    await until(() => !!page.querySelector('#profile-prefilled'));
    await tap('step-next');
    await until(() => !!page.querySelector('#field-phone'));
    await tap('step-next');
    await until(() => !!page.querySelector('#field-employmentForm'));
    await tap('field-employmentForm-2'); // 新就业形态（平台）
    await until(() => !!page.querySelector('#field-platform'));
    type('field-platform', '某配送平台');
    type('field-occupation', '网约配送');
    await date('field-startDate', '2026-05-01', NOW_DATE);
    const county = person.residenceAddress.regionCode;
    const prov = `${county.slice(0, 2)}0000`;
    const city = `${county.slice(0, 4)}00`;
    await change('field-workRegion-province', indexOf(provinces(), prov));
    await change('field-workRegion-city', indexOf(citiesOf(prov), city));
    await change('field-workRegion', indexOf(countiesOf(city), county));
    await tap('field-incomeAtLeastMinimumLiving-0'); // 不低于当地最低生活保障标准 (AJC00A 13)
    await tap('step-next');
    await until(() => !!page.querySelector('#commit-accept'));
    expect(page.dom.textContent as string).toContain('无用人单位就业参保登记');
    await until(() => !!page.querySelector('#ends-warning'));
    expect(page.querySelector('#ends-warning').dom.textContent as string).toContain('失业登记将终止');
    await tap('confirm-ends');
    await tap('commit-accept');
    await tap('step-next');
    await until(() => !!page.querySelector('#submit'));
    await tap('submit');
    await until(() => !!page.querySelector('#result-status') || !!page.querySelector('#submit-error'), 8000);
    expect(page.querySelector('#submit-error')).toBeFalsy();
    expect(page.querySelector('#result-status').dom.textContent as string).toContain('已办结');
    const sent = calls.filter((c) => c.data.action === 'submitFlexibleEmployment');
    expect(sent).toHaveLength(1);
    expect(sent[0].data.input).toMatchObject({ employmentForm: '新就业形态（平台）', platform: '某配送平台', workRegion: county, incomeAtLeastMinimumLiving: true, endsUnemploymentConfirmed: true });
    const messages = await dispatch('listMyMessages', {}, rt.depsFor(await rt.callerFor(OPENID)), { local: false });
    const titles = (messages.body as { ok: true; data: { messages: Array<{ title: string }> } }).data.messages.map((m) => m.title);
    expect(titles).toContain('您的失业登记已注销');
  });
});

describe('the privacy guide in miniprogram-simulate (用户隐私保护指引; 个人信息保护法 十七条)', () => {
  it('app.json turns WeChat\'s privacy check on', () => {
    const app = JSON.parse(readFileSync(join(WEAPP, 'app.json'), 'utf8'));
    expect(app.__usePrivacyCheck__).toBe(true);
    expect(app.pages).toContain('pages/privacy/index');
  });

  it('shows the guide when WeChat asks, and answers what the person chose: 不同意, then 同意 by the agree button', async () => {
    expect(typeof privacyHandler).toBe('function');
    const page = open('packageMine/settings');
    await until(() => !!page.querySelector('#settings-personal'));
    const answers: unknown[] = [];
    privacyHandler!((o: unknown) => answers.push(o));
    await until(() => !!page.querySelector('#privacy-dialog'));
    expect(page.querySelector('#privacy-dialog').dom.textContent as string).toContain('敏感个人信息');
    expect(answers).toEqual([{ event: 'exposureAuthorization' }]);
    page.querySelector('#privacy-disagree').dispatchEvent('tap');
    await until(() => !page.querySelector('#privacy-dialog'));
    expect(answers.at(-1)).toEqual({ event: 'disagree' });

    privacyHandler!((o: unknown) => answers.push(o));
    await until(() => !!page.querySelector('#privacy-dialog'));
    page.querySelector('#privacy-agree').dispatchEvent('agreeprivacyauthorization');
    await until(() => !page.querySelector('#privacy-dialog'));
    expect(answers.at(-1)).toEqual({ event: 'agree', buttonId: 'privacy-agree' });
  });
});

describe('the separate consent for sensitive personal information in miniprogram-simulate (个人信息保护法 第二十八、二十九、三十条)', () => {
  const text = (el: any) => (el.dom.textContent as string) ?? '';

  it('asks for the ID number before the 申领 form, saying what, why and for how long; 不同意 keeps nothing, sends nothing and points to the counter', async () => {
    storage.delete(ID_CONSENT);
    storage.delete('draft:certificate-apply');
    const kept = [...storage.entries()];
    const sent = calls.length;
    const page = open('packageForms/certificate-apply');
    await until(() => !!page.querySelector('#id-consent-agree'));
    // the notice comes first: no field asks for anything yet
    expect(page.querySelector('#field-name')).toBeFalsy();
    expect(page.querySelector('#field-idNumber')).toBeFalsy();
    const notice = text(page.querySelector('#id-consent-notice'));
    for (const said of ['收集什么', '证件号码', '用来做什么', '保存多久', '谁能看到']) expect(notice).toContain(said);
    expect(page.querySelector('#id-consent-privacy')).toBeTruthy(); // the link to 个人信息保护
    expect(text(page.querySelector('#id-consent-ask'))).toContain('敏感个人信息');

    await controls(page).tap('id-consent-decline');
    await until(() => !!page.querySelector('#id-consent-declined'));
    expect(text(page.querySelector('#id-consent-declined'))).toContain('公共就业服务窗口');
    expect(page.querySelector('#id-consent-guide')).toBeTruthy(); // the 办事指南: materials and the offices' numbers
    expect(page.querySelector('#field-idNumber')).toBeFalsy();
    // nothing kept on the phone (no consent, no draft), nothing sent
    expect([...storage.entries()]).toEqual(kept);
    expect(calls.length).toBe(sent);
  });

  it('the registration wizard asks the same before step 1; 同意 is kept once for every form of this phone', async () => {
    const wizard = open('packageForms/flexible');
    await until(() => !!wizard.querySelector('#id-consent-agree'));
    expect(wizard.querySelector('#step-next')).toBeFalsy();
    await controls(wizard).tap('id-consent-agree');
    await until(() => !!wizard.querySelector('#step-next'));
    expect(typeof storage.get(ID_CONSENT)).toBe('string');
    const apply = open('packageForms/certificate-apply');
    await until(() => !!apply.querySelector('#field-idNumber'));
    expect(apply.querySelector('#id-consent')).toBeFalsy();
  });

  it('设置 withdraws it: the unsent forms on the phone are deleted and the next form asks again', async () => {
    storage.set('draft:certificate-apply', { values: { name: person.name, idNumber: person.idNumber } });
    const settings = open('packageMine/settings');
    await until(() => !!settings.querySelector('#settings-consents-withdraw-idNumber'));
    await controls(settings).tap('settings-consents-withdraw-idNumber');
    await until(() => !!settings.querySelector('#settings-consents-said'));
    expect(text(settings.querySelector('#settings-consents-said'))).toContain('已撤回');
    expect(storage.has(ID_CONSENT)).toBe(false);
    expect([...storage.keys()].filter((k) => k.startsWith('draft:'))).toEqual([]);
    const page = open('packageForms/certificate-apply');
    await until(() => !!page.querySelector('#id-consent-agree'));
    await controls(page).tap('id-consent-agree');
    await until(() => !!page.querySelector('#field-idNumber'));
  });

  it('asks for the face before the 实人核验 starts; 不同意 starts no check, sends nothing and says where to go instead', async () => {
    const wx = (global as any).wx;
    const showModal = wx.showModal;
    let agree = false;
    wx.showModal = (o: any) => {
      events.push(`modal:${o.title}`);
      o.success?.({ confirm: agree, cancel: !agree });
    };
    const faceVerify = jest.fn((o: any) => o.complete?.());
    wx.requestFacialVerify = faceVerify;
    try {
      storage.delete(FACE_CONSENT);
      const page = open('packageForms/certificate-apply');
      await until(() => !!page.querySelector('#field-name'));
      await fillApply(page);
      const from = events.length;
      page.querySelector('#submit').dispatchEvent('tap');
      await until(() => !!page.querySelector('#submit-error'));
      // the consent was asked and refused: no check started, no face check, no submission
      expect(events.slice(from)).toEqual(['modal:处理人脸信息的单独同意']);
      expect(faceVerify).not.toHaveBeenCalled();
      expect(storage.has(FACE_CONSENT)).toBe(false);
      expect(text(page.querySelector('#submit-error'))).toContain('没有同意处理人脸信息');
      expect(page.querySelector('#counter-open')).toBeTruthy(); // 到窗口核验身份

      // 同意: asked first, then the check starts (locally the simulation; WeChat 人脸核身 in production)
      agree = true;
      const again = events.length;
      page.querySelector('#submit').dispatchEvent('tap');
      await until(() => events.slice(again).includes('applyCertificate') || events.slice(again).includes('confirmRealPersonCheck'), 20000);
      expect(events.slice(again, again + 2)).toEqual(['modal:处理人脸信息的单独同意', 'startRealPersonCheck']);
      expect(typeof storage.get(FACE_CONSENT)).toBe('string');
    } finally {
      wx.showModal = showModal;
      delete wx.requestFacialVerify;
    }
  });
});
