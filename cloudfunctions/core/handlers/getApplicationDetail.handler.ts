/** An application as staff read it to decide (docs/product.md "After registration"): own region only, audited, contact fields masked. */
import type { ApplicationView, Result } from '@shared/api';
import { fail, ok } from '@shared/api';
import { maskContactFields, maskIdNumber } from '@shared/mask';
import { regionName } from '@shared/regions';
import { isOwnCase, staffMaySee } from '../access';
import { applicationView } from '../views';
import { readRecord } from '../collections';
import { audit } from '../audit';
import { NOT_FOUND, OWN_CASE, staffOf } from '../staff-scope';
import { defineParsed } from './handler';
import { answersOf, commitmentOf } from '../records';

/** The whole application for a decision: every check, the form, the commitment. Audited. */
export const getApplicationDetail = defineParsed((input) => {
  const id = (input as { applicationId?: unknown } | null)?.applicationId;
  return typeof id !== 'string' || !id ? fail('VALIDATION_FAILED', '请提供申请编号', { applicationId: '请提供申请编号' }) : ok({ applicationId: id });
}, async ({ applicationId: id }, deps): Promise<Result<ApplicationView & { form: Record<string, unknown>; region: string; regionName: string }>> => {
  const staff = staffOf(deps);
  const app = await readRecord(deps.store, 'applications', id);
  if (!app || !staffMaySee(staff, app)) return fail('NOT_FOUND', NOT_FOUND);
  if (await isOwnCase(deps.store, staff, { personKey: app.personKey, filedBy: app.openid })) return OWN_CASE();
  await audit(deps, 'getApplicationDetail', { applicationId: id, personKey: app.personKey });
  const stamped = commitmentOf(app);
  const { signature: _sig, ...commitment } = stamped ?? {};
  // every contact field masked alike; the full values only through the audited revealContact
  // the person's answers as they are now (updateMyRegistration changes a phone or 常住地址: staff see
  // the current one, not the first filing's)
  const form = { ...maskContactFields(answersOf(app)), idNumber: maskIdNumber(app.person.idNumber), ...(stamped ? { commitment } : {}) };
  return ok({ ...applicationView(app), holderName: app.person.name, form, region: app.region, regionName: regionName(app.region) ?? app.region });
});
