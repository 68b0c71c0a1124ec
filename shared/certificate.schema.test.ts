import { makeApplyCertificateSchema } from './certificate.schema';
import { COMMITMENTS } from './commitment';
import { TODAY, validCertificateInput } from '../test/support/shared-fixtures';
import { validate } from './validate';

const schema = makeApplyCertificateSchema({ today: TODAY });
const check = (patch: Record<string, unknown>) => validate(schema, { ...validCertificateInput(), ...patch });

describe('《就业创业证》申领 (大人社规发〔2025〕2号 一(一): basic information only; 一(三): 书面申报承诺)', () => {
  it('refuses a 申领 without the 个人信息书面申报承诺, or with it unticked or outdated', () => {
    expect(check({ commitment: undefined }).ok ? {} : (check({ commitment: undefined }) as { fields: Record<string, string> }).fields).toEqual({ commitment: '请阅读并勾选承诺' });
    const unticked = check({ commitment: { accepted: false, textVersion: COMMITMENTS.certificate.version } });
    expect(unticked.ok ? {} : unticked.fields).toEqual({ 'commitment.accepted': '请阅读并勾选承诺' });
    const old = check({ commitment: { accepted: true, textVersion: COMMITMENTS.unemployment.version } });
    expect(old.ok ? {} : old.fields).toEqual({ 'commitment.textVersion': '承诺书内容已更新，请重新阅读并勾选承诺' });
  });

  it('accepts the person fields, a requestId and the commitment, nothing else required', () => {
    const r = check({});
    expect(r.ok && r.data).toMatchObject({ requestId: 'req-cert-0001', idNumber: '210204199003151370' });
  });

  it('requires the requestId (docs/api.md: idempotent submissions)', () => {
    const r = check({ requestId: undefined });
    expect(r.ok ? {} : r.fields).toEqual({ requestId: '提交编号缺失，请刷新页面后重新提交' });
  });
});

describe('补发 (大人社规发〔2025〕2号 一(四): 遗失或损毁, 书面说明情况)', () => {
  it('accepts a 10-character statement', () => {
    const r = check({ reissue: { kind: 'lost', statement: '上周在地铁上遗失证件' } });
    expect(r.ok && r.data.reissue).toEqual({ kind: 'lost', statement: '上周在地铁上遗失证件' });
  });

  it.each([
    [{ kind: 'lost', statement: '丢了' }, { 'reissue.statement': '情况说明至少10个字（现在2个字），请写明时间、地点和经过' }],
    [{ kind: 'damaged', statement: '字'.repeat(501) }, { 'reissue.statement': '情况说明不超过500个字（现在501个字）' }],
    [{ kind: 'stolen', statement: '上周在地铁上被人偷走了' }, { 'reissue.kind': '请选择补发原因：遗失或损毁' }],
    ['lost', { reissue: '请选择补发原因并写明情况' }],
  ])('refuses %p', (reissue, fields) => {
    const r = check({ reissue });
    expect(r.ok ? {} : r.fields).toEqual(fields);
  });
});
