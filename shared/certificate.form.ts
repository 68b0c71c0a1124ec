/**
 * The 申领《就业创业证》 as the citizen fills it (大人社规发〔2025〕2号 一(一): 除填写基本信息外，可只领取《就业创业证》;
 * §一(三): 线上办理无需提供材料, with the 个人信息书面申报承诺): one page — the person blocks (身份信息, 地址, 联系方式)
 * and the commitment — the labels of its error summary, and what is sent. The rules are certificate.schema.ts's.
 * Pure data and functions: no zod, no platform code.
 */
import { COMMITMENTS } from './commitment';
import { PERSON_LABELS, personInput, personValuesFrom, sameAddresses, type PersonValues } from './person.form';

/** A fill of the 申领 form, as kept on the phone after every change. */
export interface CertificateAnswers {
  /** One per form fill: a resent submit is the same submission (docs/api.md "requestId"). */
  requestId: string;
  values: PersonValues;
  /** residence = hukou address */
  sameAsHukou: boolean;
  /** field paths the person has visited: only these show errors before the first submit */
  touched: string[];
  /** the 个人信息书面申报承诺 ticked (大人社规发〔2025〕2号 一(三)) */
  accepted: boolean;
  /** 退回补正: the returned 申领 this fill corrects */
  correctsApplicationId?: string;
  /** 家人代办: the delegation this fill is made under */
  onBehalfOf?: string;
}

export const CERTIFICATE_FORM = {
  action: 'applyCertificate',
  draftKey: 'draft:certificate-apply',
  /** the page (where a kept submission is retried) */
  url: '/packageForms/certificate-apply/index',
  title: '申领《就业创业证》',
  lead: '只需填写基本信息，不用上传任何材料。带 * 的为必填项。核验通过后即时签发电子证。',
  commitmentTitle: '个人信息书面申报承诺',
  commitmentNote: '线上申领不用提供任何材料。提交时系统会记录您作出承诺的时间和承诺内容。',
  submitText: '提交申领',
  /** the citizen-facing label of each field path (the error summary), in the order of the page */
  labels: { ...PERSON_LABELS, commitment: '承诺' } as Readonly<Record<string, string>>,
} as const;

/** What is sent (and validated): empty optional fields left out, dependent fields only when they apply. */
export function certificateInput(draft: CertificateAnswers): Record<string, unknown> {
  return {
    requestId: draft.requestId,
    ...personInput(draft.values, draft.sameAsHukou),
    // an unticked box sends no commitment: the schema's message asks for it
    ...(draft.accepted ? { commitment: { accepted: true, textVersion: COMMITMENTS.certificate.version } } : {}),
    ...(draft.correctsApplicationId ? { correctsApplicationId: draft.correctsApplicationId } : {}),
    ...(draft.onBehalfOf ? { onBehalfOf: draft.onBehalfOf } : {}),
  };
}

/** 退回补正: the returned 申领's answers as the form holds them (the commitment is given again). */
export function returnedValues(form: Record<string, unknown>): Pick<CertificateAnswers, 'values' | 'sameAsHukou'> {
  const values = personValuesFrom(form);
  return { values, sameAsHukou: sameAddresses(values) };
}
