/** Labels of every citizen form field (for staff views that show a submitted form). */
import { CERTIFICATE_FIELD_LABELS } from './certificate.schema';
import { FLEXIBLE_FIELD_LABELS } from './flexible.schema';
import { UNEMPLOYMENT_FIELD_LABELS } from './unemployment.schema';

export const FIELD_LABELS: Readonly<Record<string, string>> = {
  ...CERTIFICATE_FIELD_LABELS,
  ...UNEMPLOYMENT_FIELD_LABELS,
  ...FLEXIBLE_FIELD_LABELS,
};
