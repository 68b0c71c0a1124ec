/**
 * 《就业创业证》申领 (`applyCertificate`): the person's basic information only (大人社规发〔2025〕2号 一(一): 除填写基本信息外，
 * 可只领取《就业创业证》; §一(三): 线上办理无需提供材料, with the 个人信息书面申报承诺 of the same section), and for 补发 a written statement (大人社规发〔2025〕2号 一(四):
 * 对遗失或损毁等需要重新办理的，书面说明情况，予以补发).
 */
import { type SchemaContext, PERSON_FIELD_LABELS, personShape, requestIdSchema, withPersonRules } from './person.schema';
import { commitmentSchema } from './commitment';
import { reissueSchema } from './reissue.schema';
import { z, withFieldLabels } from './zod-kit';

export { REISSUE_KINDS, reissueSchema } from './reissue.schema';

export function certificateShape(ctx: SchemaContext) {
  return {
    requestId: requestIdSchema,
    ...personShape(ctx),
    /** 个人信息书面申报承诺 (大人社规发〔2025〕2号 一(三)): the current text's version, ticked */
    commitment: commitmentSchema('certificate'),
    reissue: reissueSchema.optional(),
  };
}

export function makeApplyCertificateSchema(ctx: SchemaContext) {
  return withFieldLabels(withPersonRules(z.object(certificateShape(ctx)), ctx), CERTIFICATE_FIELD_LABELS);
}

export type ApplyCertificateInput = z.output<ReturnType<typeof makeApplyCertificateSchema>>;

export const CERTIFICATE_FIELD_LABELS: Readonly<Record<string, string>> = {
  ...PERSON_FIELD_LABELS,
  commitment: '承诺',
  reissue: '补发',
};
