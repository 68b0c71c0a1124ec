/** The holder's share codes, newest first, each with its status and views (core/share-codes.ts). */
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import type { Deps } from '../deps';
import { boundPersonKeys } from '../person-access';
import { holderView, type ShareCodeView, type ShareRecord } from '../share-codes';

export async function listShareCodes(_input: unknown, deps: Deps): Promise<Result<{ shares: ShareCodeView[] }>> {
  const keys = await boundPersonKeys(deps);
  const now = deps.clock.now();
  const rows = keys.length
    ? await deps.store.find<ShareRecord>('verifications', { kind: 'share', personKey: { in: keys } }, { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 100 })
    : [];
  return ok({ shares: rows.map((s) => holderView(deps, s, now)) });
}
