/**
 * Browser end-to-end of issue 17's gaps, at 390 px on the H5 build served by the real gateway:
 *  - 拍照识别身份证 on the 申领 page: a photo of the 人像面 fills 姓名, 证件号码 and 户籍地址, the page says
 *    请核对识别结果; a 国徽面 and a photo the local simulation does not know say what to do;
 *  - a caseworker's queue: the 办件编号 on the item, a 催办 badge with its time, and finding the
 *    application by the number as the person reads it out;
 *  - 注销登记: a wrong check digit is refused with the citizen form's message; a number with no
 *    registration in force says so, and no confirmation opens.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { COMMITMENTS } from '@shared/commitment';
import { mod11_2 } from '@shared/id-number';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { govRecord, makePerson, requestId } from '../support/people';
import { launch, openAs, pickWheel, SHOTS } from './browser';

/** A real PNG of one colour (what a phone's photo is to the local simulation: bytes with a fingerprint). */
function png(r: number, g: number, b: number, w = 64, h = 40): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3).map((_, i) => [r, g, b][i % 3])]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: h }, () => row)))), chunk('IEND', Buffer.alloc(0))]);
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const NOW = '2026-03-10T10:00:00+08:00'; // Tuesday: a 灵活就业登记 is due 2026-03-17
const LATER = '2026-03-18T09:30:00+08:00';
const STAFF = [{ openid: 'ocr-reviewer', name: '区审核员', region: '2102', role: 'reviewer' }];
const cardHolder = makePerson({ region: '210204', gender: '2' });
const waiting = makePerson({ region: '210204' });
const nobody = makePerson({ region: '210204' });
const front = png(220, 190, 150);
const back = png(20, 70, 170);
const unknown = png(240, 240, 240);
const gov = {
  persons: [govRecord(cardHolder), govRecord(waiting, { unitInsurance: { unit: '海滨重型机械有限公司', since: '2021-04-01' } }), govRecord(nobody)],
  staff: STAFF,
  idCardImages: [
    { sha256: sha(front), front: { name: cardHolder.name, idNumber: cardHolder.idNumber, address: '辽宁省大连市沙河口区西安路街道幸福小区12号3-2-1', nation: '汉' } },
    { sha256: sha(back), failure: 'back_side' },
  ],
};

let gw: TestGateway;
let browser: Browser;
let waitingApp = '';

beforeAll(async () => {
  gw = await startTestGateway({ now: NOW, gov });
  const w = await gw.call('submitFlexibleEmployment', {
    requestId: requestId(), ...waiting,
    employmentForm: '新就业形态（平台）', platform: '某外卖平台', occupation: '外卖配送', startDate: '2026-02-01', workRegion: waiting.residenceAddress.regionCode,
    commitment: { accepted: true, textVersion: COMMITMENTS.flexible.version },
  }, 'ocr-waiting');
  expect(w.json.data.status).toBe('pending_review');
  waitingApp = w.json.data.applicationId;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await gw?.close();
});

it('拍照识别身份证 fills 姓名, 证件号码 and 户籍地址 for the person to check, and says what to do when it cannot', async () => {
  const page = await openAs(browser, gw.url, 'ocr-citizen', '/packageForms/certificate-apply/index', NOW);
  const scan = page.locator('#idcard-scan-button');
  await scan.waitFor({ timeout: 15000 });

  const choose = async (picture: Buffer) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), scan.click()]);
    await chooser.setFiles({ name: 'idcard.png', mimeType: 'image/png', buffer: picture });
  };

  await choose(back);
  await page.locator('#idcard-scan-error').waitFor();
  expect(await page.locator('#idcard-scan-error').innerText()).toContain('国徽面');
  expect(await page.getByLabel('姓名').inputValue()).toBe('');

  await choose(unknown);
  await page.locator('#idcard-scan-error').filter({ hasText: '本地模式无法识别，请手动填写' }).waitFor();

  await choose(front);
  await page.locator('#idcard-scan-read').waitFor();
  expect(await page.locator('#idcard-scan-read').innerText()).toContain('请核对识别结果');
  expect(await page.getByLabel('姓名').inputValue()).toBe(cardHolder.name);
  expect(await page.getByLabel('证件号码').inputValue()).toBe(cardHolder.idNumber);
  expect(await page.getByLabel('户籍地址（详细地址）').inputValue()).toBe('西安路街道幸福小区12号3-2-1');
  expect(await page.locator('#field-hukouAddress-regionCode').innerText()).toContain('沙河口区');
  // still the person's to change: the fields stay editable
  await page.getByLabel('姓名').fill(`${cardHolder.name}`);
  await page.screenshot({ path: join(SHOTS, 'idcard-ocr.png'), fullPage: false });
});

it('the queue shows the 办件编号 and a 催办 badge with its time, and finds the application by its number', async () => {
  await gw.close(true);
  gw = await startTestGateway({ now: LATER, gov, dataDir: gw.dataDir });
  expect((await gw.call('remindOffice', { applicationId: waitingApp }, 'ocr-waiting')).status).toBe(200);
  const caseNo = (await gw.call('getProgress', { applicationId: waitingApp }, 'ocr-waiting')).json.data.caseNo as string;

  const page = await openAs(browser, gw.url, 'ocr-reviewer', '/packageStaff/queue/index', LATER);
  const item = page.locator(`#queue-list #queue-item-${waitingApp}`);
  await item.waitFor({ timeout: 15000 });
  const text = await item.innerText();
  expect(text).toContain(`办件编号 ${caseNo}`);
  expect(text).toContain('催办');
  expect(text).toMatch(/本人已催办.*2026.*09:30/s);
  await page.screenshot({ path: join(SHOTS, 'staff-queue-reminded.png'), fullPage: false });

  await page.getByLabel('按办件编号查找').fill(caseNo.toLowerCase().replace(/-/g, ' '));
  await page.locator('#queue-search-go').click();
  await page.locator(`#queue-search-found #queue-item-${waitingApp}`).waitFor();

  await page.getByLabel('按办件编号查找').fill('SY-260310-ABCDEF');
  await page.locator('#queue-search-go').click();
  await page.locator('#queue-search-none').waitFor();
});

it('注销登记 refuses a wrong check digit as the citizen form does, and opens no confirmation for nobody', async () => {
  const page = await openAs(browser, gw.url, 'ocr-reviewer', '/packageStaff/deregister/index', LATER);
  await page.locator('#dereg-submit').waitFor({ timeout: 15000 });
  const right = mod11_2(nobody.idNumber.slice(0, 17));
  await page.getByLabel('证件号码').fill(nobody.idNumber.slice(0, 17) + (right === '1' ? '2' : '1'));
  await pickWheel(page, '#reason-picker', '被各类用人单位录用或招聘');
  await page.locator('#dereg-submit').click();
  await page.getByText('证件号码校验位不正确，请核对最后一位').first().waitFor();

  await page.getByLabel('证件号码').fill(nobody.idNumber);
  await page.locator('#dereg-submit').click();
  await page.locator('#dereg-evidence-error').waitFor();
  expect(await page.locator('#dereg-evidence-error').innerText()).toContain('没有查到这个证件号码在您所辖区域内有效的失业登记');
  await page.waitForTimeout(500);
  expect(await page.getByText('确认注销失业登记').count()).toBe(0);
  await page.screenshot({ path: join(SHOTS, 'staff-deregister-none.png'), fullPage: false });
});
