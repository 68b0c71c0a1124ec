import { COMMITMENTS, MAX_SIGNATURE_CHARS, commitmentSchema } from './commitment';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function messagesOf(kind: 'unemployment' | 'flexible', input: unknown): string[] {
  const r = commitmentSchema(kind).safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the commitment texts', () => {
  it('鞍人社〔2020〕21号 附件1: the 失业人员登记表 text, word for word as docs/forms.md', () => {
    expect(COMMITMENTS.unemployment.text).toBe(
      '本人承诺填报的以上内容均为真实、准确、有效，如与实际情况不一致，本人愿意承担相应责任，同时纳入人社信用记录。',
    );
  });

  it('吉人社函字〔2018〕175号 二(三): the 灵活就业 承诺书 names the three absent records', () => {
    expect(COMMITMENTS.flexible.text).toBe(
      '本人承诺：目前无用人单位就业参保登记、无劳动用工备案、无工商注册登记，以灵活方式实现就业，所填信息真实、准确、有效；如有不实，本人愿意承担相应责任，同时纳入人社信用记录。',
    );
  });

  it('gives each kind its own version', () => {
    expect(COMMITMENTS.unemployment.version).not.toBe(COMMITMENTS.flexible.version);
  });
});

describe('commitmentSchema', () => {
  const current = { accepted: true, textVersion: COMMITMENTS.unemployment.version };

  it('accepts a ticked box of the current version, with or without a PNG signature', () => {
    expect(commitmentSchema('unemployment').safeParse(current).success).toBe(true);
    expect(commitmentSchema('unemployment').safeParse({ ...current, signature: PNG }).success).toBe(true);
  });

  it.each([[false], ['true'], [1], [undefined]])('refuses accepted = %p: only a ticked box is consent', (accepted) => {
    expect(messagesOf('unemployment', { ...current, accepted })).toEqual(['accepted: 请阅读并勾选承诺']);
  });

  it('refuses an outdated text version', () => {
    expect(messagesOf('unemployment', { ...current, textVersion: 'unemployment-2019' })).toEqual([
      'textVersion: 承诺书内容已更新，请重新阅读并勾选承诺',
    ]);
  });

  it('refuses a signature that is not a PNG data URL', () => {
    expect(messagesOf('unemployment', { ...current, signature: 'data:image/jpeg;base64,/9j/4AAQ' })).toEqual([
      'signature: 手写签名无法识别，请重新签名',
    ]);
    expect(messagesOf('unemployment', { ...current, signature: 'data:image/png;base64,AAAA' })).toEqual([
      'signature: 手写签名无法识别，请重新签名',
    ]);
  });

  it('refuses a signature over 48 KB with one message', () => {
    const big = PNG + 'A'.repeat(MAX_SIGNATURE_CHARS);
    expect(messagesOf('unemployment', { ...current, signature: big })).toEqual([
      'signature: 手写签名图片太大，请清除后重新签名',
    ]);
  });

  it('accepts a signature of exactly 48 KB', () => {
    const exact = PNG.slice(0, -2) + 'A'.repeat(MAX_SIGNATURE_CHARS - PNG.length + 2);
    expect(exact).toHaveLength(MAX_SIGNATURE_CHARS);
    expect(commitmentSchema('unemployment').safeParse({ ...current, signature: exact }).success).toBe(true);
  });

  it('asks to tick the box when the commitment is missing', () => {
    expect(messagesOf('flexible', undefined)).toEqual([': 请阅读并勾选承诺']);
  });
});
