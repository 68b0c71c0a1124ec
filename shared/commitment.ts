/**
 * The written commitments (告知承诺制, 人社厅发〔2020〕79号 一(二); for the 《就业创业证》 the 个人信息书面申报承诺,
 * 大人社规发〔2025〕2号 一(三)) shown in full and accepted before submitting.
 * Each text has a version; the server stores the version accepted, so a later change of wording never
 * rewrites what someone agreed to. Change a text → give it a new version (old records keep theirs).
 */
import { beijingIso } from './dates';
import { z } from './zod-kit';

export type CommitmentKind = 'certificate' | 'unemployment' | 'flexible';

export const COMMITMENTS = {
  /**
   * 《就业创业证》申领: 实行个人信息书面申报承诺制度，对提供虚假信息的，记入信用记录；线上办理无需提供材料
   * (大人社规发〔2025〕2号 一(三)). The one thing a 申领 asks besides the basic information.
   */
  certificate: {
    version: 'certificate-2025-v1',
    text: '本人承诺：以上申报的个人信息真实、准确、有效。如提供虚假信息，本人愿意承担相应责任，并记入信用记录。',
  },
  /** 失业人员登记表 (鞍人社〔2020〕21号 附件1 / 渝人社办〔2020〕79号 附件), as docs/forms.md words it. */
  unemployment: {
    version: 'unemployment-2020-v1',
    text: '本人承诺填报的以上内容均为真实、准确、有效，如与实际情况不一致，本人愿意承担相应责任，同时纳入人社信用记录。',
  },
  /**
   * 灵活就业 承诺书: the three records 吉人社函字〔2018〕175号 二(三) requires absent (无单位就业参保登记、无劳动用工信息备案、
   * 无工商注册登记) plus the credit-record clause of 鞍人社〔2020〕21号; 吉人社函字〔2018〕175号 三(一)3 makes it the only document.
   */
  flexible: {
    version: 'flexible-2018-v1',
    text: '本人承诺：目前无用人单位就业参保登记、无劳动用工备案、无工商注册登记，以灵活方式实现就业，所填信息真实、准确、有效；如有不实，本人愿意承担相应责任，同时纳入人社信用记录。',
  },
} as const satisfies Record<CommitmentKind, { version: string; text: string }>;

/** Largest signature accepted, counted on the data URL as sent (48 KB). */
export const MAX_SIGNATURE_CHARS = 48 * 1024;

/** `data:image/png;base64,` followed by the base64 of a PNG, whose first 8 bytes encode to "iVBORw0KGgo". */
const PNG_DATA_URL = /^data:image\/png;base64,iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/;

const signatureSchema = z
  .string({ error: '手写签名无法识别，请重新签名' })
  .max(MAX_SIGNATURE_CHARS, '手写签名图片太大，请清除后重新签名')
  .refine((s) => s.length > MAX_SIGNATURE_CHARS || PNG_DATA_URL.test(s), '手写签名无法识别，请重新签名');

/**
 * `{ accepted: true, textVersion, signature? }`. `accepted` must be the literal `true` (an unticked box is
 * not consent); `textVersion` must be the current version of that kind — an older one means the page
 * showed an outdated text, and the person has to read the current one.
 */
export function commitmentSchema(kind: CommitmentKind) {
  const current = COMMITMENTS[kind].version;
  return z.object(
    {
      accepted: z.literal(true, { error: '请阅读并勾选承诺' }),
      textVersion: z
        .string({ error: '承诺书内容已更新，请重新阅读并勾选承诺' })
        .refine((v) => v === current, '承诺书内容已更新，请重新阅读并勾选承诺'),
      signature: signatureSchema.optional(),
    },
    { error: '请阅读并勾选承诺' },
  );
}

export type Commitment = z.output<ReturnType<typeof commitmentSchema>>;

/** The server stamps the time and stores the exact text accepted (docs/forms.md `commitment`). */
export function stampCommitment(kind: CommitmentKind, c: { accepted: true; textVersion: string; signature?: string }, at: number) {
  return { accepted: true as const, textVersion: c.textVersion, text: COMMITMENTS[kind].text, acceptedAt: beijingIso(at), ...(c.signature ? { signature: c.signature } : {}) };
}
