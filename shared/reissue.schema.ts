/**
 * 补发 of the 《就业创业证》 (大人社规发〔2025〕2号 一(四): 对遗失或损毁等需要重新办理的，书面说明情况，予以补发): the
 * reason and the written statement. Its own module, so the 我的电子证 page validates it without
 * loading the person schema and the region tables.
 */
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

