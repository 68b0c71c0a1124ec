/**
 * 拍照识别身份证 (issue 17 "No retyping where a library does it") through the real gateway: a photo of the
 * 人像面 fills 姓名, 证件号码 and 住址 for the person to check; it fails the way Tencent's IDCardOCR fails
 * (not an ID card, 国徽面, blurred, not a picture, too large), each with a Chinese message that says what
 * to do; a photo the local simulation does not know says "本地模式无法识别，请手动填写"; readings are
 * limited per WeChat account; the picture is kept nowhere and logged nowhere. And the Tencent adapter
 * against a stand-in SDK client: what it sends, how it maps the service's answers and error codes.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { MAX_ID_CARD_IMAGE_BYTES, addressFromText } from '../../cloudfunctions/core/id-card-ocr';
import { mapOcrError, tencentIdCardOcr, type IdCardOcrClient } from '../../cloudfunctions/adapters/idCardOcr.tencent';
import { OCR_PER_HOUR } from '../../cloudfunctions/core/handlers/recognizeIdCard.handler';
import { startTestGateway, type TestGateway } from '../support/gateway';
import { makePerson } from '../support/people';

/** A real PNG of `w`×`h` pixels of one colour: a picture any viewer opens, distinct per colour. */
function png(r: number, g: number, b: number, w = 40, h = 25): Buffer {
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
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3).map((_, i) => [r, g, b][i % 3])]);
  const raw = Buffer.concat(Array.from({ length: h }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const b64 = (b: Buffer) => b.toString('base64');

const holder = makePerson({ region: '210204' });
const ADDRESS = '辽宁省大连市沙河口区西安路街道幸福小区12号3-2-1';
const front = png(200, 180, 160);
const back = png(10, 60, 160);
const blurred = png(128, 128, 128);
const noCard = png(30, 150, 40);
const unknown = png(250, 250, 250);
const gov = {
  persons: [],
  idCardImages: [
    { sha256: sha(front), front: { name: holder.name, idNumber: holder.idNumber, address: ADDRESS, nation: '汉' } },
    { sha256: sha(back), failure: 'back_side' },
    { sha256: sha(blurred), failure: 'blurry' },
    { sha256: sha(noCard), failure: 'not_id_card' },
  ],
};

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway({ now: '2026-03-10T10:00:00+08:00', gov }); });
afterAll(async () => { await gw?.close(); });

describe('recognizeIdCard: a photo of the 人像面 fills the form, for the person to check', () => {
  it('reads name, ID number and address (the county picked out of the printed address)', async () => {
    const r = await gw.call('recognizeIdCard', { imageBase64: b64(front) }, 'ocr-a');
    expect(r.status).toBe(200);
    expect(r.json.data).toMatchObject({
      name: holder.name, idNumber: holder.idNumber, addressText: ADDRESS,
      address: { regionCode: '210204', detail: '西安路街道幸福小区12号3-2-1' }, mode: 'local',
    });
    expect(r.json.data.notice).toMatch(/^请核对识别结果/);
    // a data URL as a browser's canvas gives it is the same picture
    const again = await gw.call('recognizeIdCard', { imageBase64: `data:image/png;base64,${b64(front)}` }, 'ocr-a');
    expect(again.json.data.idNumber).toBe(holder.idNumber);
  });

  it('fails as the real service fails, each time saying what to do', async () => {
    const cases: Array<[Buffer, RegExp]> = [
      [back, /国徽面.*有照片的一面/],
      [blurred, /不够清晰.*重新拍摄/],
      [noCard, /没有找到居民身份证/],
    ];
    for (const [picture, message] of cases) {
      const r = await gw.call('recognizeIdCard', { imageBase64: b64(picture) }, 'ocr-b');
      expect(r.status).toBe(400);
      expect(r.json.error!.message).toMatch(message);
      expect(r.json.error!.fields!.imageBase64).toBe(r.json.error!.message);
    }
    const strange = await gw.call('recognizeIdCard', { imageBase64: b64(unknown) }, 'ocr-b');
    expect(strange.status).toBe(400);
    expect(strange.json.error!.message).toBe('本地模式无法识别，请手动填写');
  });

  it('refuses what is not a picture, a picture too large, and nothing at all — before any reading', async () => {
    const text = await gw.call('recognizeIdCard', { imageBase64: b64(Buffer.from('这不是一张图片，只是一段文字。'.repeat(3))) }, 'ocr-c');
    expect(text.status).toBe(400);
    expect(text.json.error!.fields!.imageBase64).toMatch(/图片打不开/);
    expect((await gw.call('recognizeIdCard', { imageBase64: '%%%not base64%%%' }, 'ocr-c')).json.error!.fields!.imageBase64).toMatch(/图片打不开/);
    const big = Buffer.concat([png(1, 2, 3).subarray(0, 8), Buffer.alloc(MAX_ID_CARD_IMAGE_BYTES, 7)]);
    const large = await gw.call('recognizeIdCard', { imageBase64: b64(big).slice(0, 61000) }, 'ocr-c');
    expect(large.status).toBe(400);
    expect(large.json.error!.fields!.imageBase64).toMatch(/照片太大了/);
    for (const bad of [{}, { imageBase64: '' }, { imageBase64: 42 }]) {
      expect((await gw.call('recognizeIdCard', bad, 'ocr-c')).json.error!.fields!.imageBase64).toBe('请拍摄或选择身份证人像面的照片');
    }
    expect((await gw.call('recognizeIdCard', { imageBase64: b64(front) }, null)).status).toBe(401);
  });

  it(`reads at most ${OCR_PER_HOUR} photos an hour for one WeChat account; another account is not held up`, async () => {
    for (let i = 0; i < OCR_PER_HOUR; i++) expect((await gw.call('recognizeIdCard', { imageBase64: b64(unknown) }, 'ocr-busy')).status).toBe(400);
    const limited = await gw.call('recognizeIdCard', { imageBase64: b64(front) }, 'ocr-busy');
    expect(limited.status).toBe(429);
    expect(limited.json.error!.message).toContain('请手动填写');
    expect((await gw.call('recognizeIdCard', { imageBase64: b64(front) }, 'ocr-other')).status).toBe(200);
  });

  it('keeps the photo and what it says nowhere: not in DATA_DIR, not in the log', async () => {
    const needles = [b64(front).slice(20, 80), holder.idNumber, holder.name, ADDRESS];
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f !== 'gov-data.json') files.push(p);
      }
    };
    walk(gw.dataDir);
    for (const f of files) {
      const content = readFileSync(f).toString('latin1') + readFileSync(f).toString('utf8');
      for (const n of needles) expect({ file: f, found: content.includes(n) }).toEqual({ file: f, found: false });
    }
    const log = gw.logs.join('\n');
    for (const n of needles) expect(log.includes(n)).toBe(false);
    expect(log).toContain('idCardOcr.read');
  });
});

describe('the printed address as the form\'s address', () => {
  it('picks the county out of 省市区 printed in full, municipalities too; keeps all the text otherwise', () => {
    expect(addressFromText('北京市东城区东华门街道1号')).toEqual({ regionCode: '110101', detail: '东华门街道1号' });
    expect(addressFromText('辽宁省大连市中山区 人民路 5 号')).toEqual({ regionCode: '210202', detail: '人民路5号' });
    expect(addressFromText('大连市中山区人民路5号')).toEqual({ detail: '大连市中山区人民路5号' });
  });
});

describe('the Tencent Cloud IDCardOCR adapter (against a stand-in SDK client)', () => {
  const stub = (answer: (req: Parameters<IdCardOcrClient['IDCardOCR']>[0]) => Promise<Awaited<ReturnType<IdCardOcrClient['IDCardOCR']>>>) => {
    const sent: Array<Parameters<IdCardOcrClient['IDCardOCR']>[0]> = [];
    const client: IdCardOcrClient = { IDCardOCR: async (req) => { sent.push(req); return answer(req); } };
    return { sent, port: tencentIdCardOcr({ secretId: 'id', secretKey: 'key' }, client) };
  };
  const sdkError = (code: string) => Object.assign(new Error(code), { code, requestId: 'req-1' });

  it('asks for the 人像面 with the quality score, and returns what was read', async () => {
    const { sent, port } = stub(async () => ({ Name: holder.name, IdNum: holder.idNumber, Address: ADDRESS, Nation: '汉', AdvancedInfo: '{"Quality":88}' }));
    expect(await port.readFront(front)).toEqual({ ok: true, value: { name: holder.name, idNumber: holder.idNumber, address: ADDRESS, nation: '汉' } });
    expect(sent[0]).toMatchObject({ ImageBase64: b64(front), CardSide: 'FRONT' });
    expect(JSON.parse(sent[0].Config!)).toEqual({ Quality: true });
  });

  it('tells a 国徽面, a blurred photo and the service\'s refusals apart', async () => {
    expect(await stub(async () => ({ Authority: '大连市公安局沙河口分局', ValidDate: '2016.01.01-2036.01.01' })).port.readFront(front)).toEqual({ ok: false, reason: 'back_side' });
    expect(await stub(async () => ({ Name: holder.name, IdNum: holder.idNumber, AdvancedInfo: '{"Quality":31}' })).port.readFront(front)).toEqual({ ok: false, reason: 'blurry' });
    expect(await stub(async () => { throw sdkError('FailedOperation.ImageNoIdCard'); }).port.readFront(front)).toEqual({ ok: false, reason: 'not_id_card' });
    expect(await stub(async () => { throw sdkError('FailedOperation.ImageBlur'); }).port.readFront(front)).toEqual({ ok: false, reason: 'blurry' });
    expect(await stub(async () => { throw new Error('socket hang up'); }).port.readFront(front)).toEqual({ ok: false, reason: 'unavailable' });
    expect(mapOcrError('LimitExceeded.TooLargeFileError')).toBe('too_large');
    expect(mapOcrError('FailedOperation.IdCardInfoIllegal')).toBe('unreadable');
    expect(mapOcrError('ResourceUnavailable.InArrears')).toBe('unavailable');
  });

  it('sends nothing that is not a picture', async () => {
    const { sent, port } = stub(async () => ({}));
    expect(await port.readFront(Buffer.from('plain text, not an image'))).toEqual({ ok: false, reason: 'not_image' });
    expect(sent).toEqual([]);
  });
});
