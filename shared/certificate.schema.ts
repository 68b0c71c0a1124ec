/**
 * 《就业创业证》申领 (`applyCertificate`): the person's basic information only (seed 000 §一(一): 除填写基本信息外，
 * 可只领取《就业创业证》; §一(三): 线上办理无需提供材料), and for 补发 a written statement (seed 000 §一(四):
 * 对遗失或损毁等需要重新办理的，书面说明情况，予以补发).
 */
import { type SchemaContext, PERSON_FIELD_LABELS, personShape, requestIdSchema, withPersonRules } from './person.schema';
import { charCount, text, z } from './zod-kit';

export const REISSUE_KINDS = [
  { code: 'lost', label: '遗失' },
  { code: 'damaged', label: '损毁' },
] as const;

export const reissueSchema = z.object(
  {
    kind: z.enum(['lost', 'damaged'], { error: '请选择补发原因：遗失或损毁' }),
    statement: text('请写明遗失或损毁的经过，10–500个字', (s) => {
      const n = charCount(s);
      if (n < 10) return `情况说明至少10个字（现在${n}个字），请写明时间、地点和经过`;
      if (n > 500) return `情况说明不超过500个字（现在${n}个字）`;
      return undefined;
    }),
  },
  { error: '请选择补发原因并写明情况' },
);

export function certificateShape(ctx: SchemaContext) {
  return {
    requestId: requestIdSchema,
    ...personShape(ctx),
    reissue: reissueSchema.optional(),
  };
}

export function makeApplyCertificateSchema(ctx: SchemaContext) {
  return withPersonRules(z.object(certificateShape(ctx)), ctx);
}

export type ApplyCertificateInput = z.output<ReturnType<typeof makeApplyCertificateSchema>>;

export const CERTIFICATE_FIELD_LABELS: Readonly<Record<string, string>> = {
  ...PERSON_FIELD_LABELS,
  reissue: '补发',
};
