/**
 * The audit trail (`audit/<new id>`, core/collections.ts): who did what with whose record. Every staff
 * read of a person's record is written here (大人社规发〔2025〕2号 四(三)), and so is a family helper's
 * read of the person's records; 谁查看了我的信息 (listWhoReadMyData) reads them back to the person.
 */
import { writeRecord } from './collections';
import type { Deps } from './deps';

/** A staff member's action on a record: who (account, name, region), what, when, and the target. */
export async function audit(deps: Deps, action: string, target: Record<string, unknown>): Promise<void> {
  const s = deps.caller.staff;
  await writeRecord(deps.store, 'audit', deps.newId(), {
    at: deps.clock.now(), staffOpenid: s?.openid ?? deps.caller.openid, staffName: s?.name ?? '', staffRegion: s?.region ?? '', action, ...target,
  });
}

/** A delegate's read of the person's records is recorded: the person sees it in listWhoReadMyData. */
export async function auditDelegateRead(deps: Deps, action: string, personKeys: string[]): Promise<void> {
  for (const personKey of personKeys) {
    await writeRecord(deps.store, 'audit', deps.newId(), { at: deps.clock.now(), citizenOpenid: deps.caller.openid, action, personKey, as: 'delegate' });
  }
}
