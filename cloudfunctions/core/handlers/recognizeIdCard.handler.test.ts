/**
 * recognizeIdCard in process (test/support/handler-rig.ts): a known photo of the 人像面 fills name, number
 * and address for the person to check; no photo, or not a picture, is a field error; the picture is kept nowhere.
 */
import { createHash } from 'node:crypto';
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { makeIdNumber } from '../../../test/support/people';
import { recognizeIdCard } from './recognizeIdCard.handler';

const ID = makeIdNumber();
// a JPEG's first bytes stand for the photo: the local reader knows pictures by their SHA-256
const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('the front of an ID card')]);
let rig: HandlerRig;
beforeAll(() => {
  rig = handlerRig(undefined, {
    idCardImages: [{ sha256: createHash('sha256').update(photo).digest('hex'), front: { name: '张小明', idNumber: ID, address: '辽宁省大连市沙河口区幸福街道12号', nation: '汉' } }],
  });
});
afterAll(() => rig.close());

it('asks for a photo, and refuses what is not a picture, as a field', async () => {
  expect(await recognizeIdCard({}, rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { imageBase64: '请拍摄或选择身份证人像面的照片' } } });
  expect(await recognizeIdCard({ imageBase64: 'not base64!' }, rig.citizen('o-me'))).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { imageBase64: expect.any(String) } } });
});

it('reads name, number and the county of the address from a known photo', async () => {
  const r = await recognizeIdCard({ imageBase64: photo.toString('base64') }, rig.citizen('o-me'));
  expect(r).toMatchObject({ ok: true, data: { name: '张小明', idNumber: ID, address: { regionCode: '210204' } } });
});
