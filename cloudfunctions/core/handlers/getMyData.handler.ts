/**
 * My data (个人信息保护法 第四十四条 知情权, 第四十五条 查阅、复制): the person sees everything held about
 * them (`getMyData`) and who read it (`listWhoReadMyData`: each staff read of their records from the
 * audit trail — office, role, time, purpose — with staff names masked; and each read by a family
 * helper). Only for the people the caller is bound to (core/person-access.ts): a helper or a sender
 * never reads this.
 */
import type { Result } from '@shared/api';
import { ok } from '@shared/api';
import { beijingIso } from '@shared/dates';
import { maskName } from '@shared/mask';
import type { Deps } from '../deps';
import { boundPersonKeys } from '../person-access';
import { registrationId, registrationStatusInTx } from '../registrations';
import { applicationView, certificateView } from '../views';
import { findRecords, readRecord } from '../collections';
import type { MyDataPerson } from '@shared/answers';
export type { MyDataPerson };

const maskOpenid = (o: string) => (o.length <= 6 ? '***' : `${o.slice(0, 3)}***${o.slice(-3)}`);

export async function getMyData(_input: unknown, deps: Deps): Promise<Result<{ people: MyDataPerson[] }>> {
  const openid = deps.caller.openid;
  const people: MyDataPerson[] = [];
  for (const key of await boundPersonKeys(deps)) {
    const apps = await findRecords(deps.store, 'applications', { personKey: key }, { orderBy: { field: 'submittedAt', direction: 'desc' }, limit: 200 });
    const cert = await readRecord(deps.store, 'certificates', key);
    const registrations: MyDataPerson['registrations'] = [];
    for (const kind of ['unemployment', 'flexible'] as const) {
      const r = await readRecord(deps.store, 'registrations', registrationId(kind, key));
      if (r) registrations.push({ kind, status: r.status, since: beijingIso(r.since), ...(r.endedAt ? { endedAt: beijingIso(r.endedAt) } : {}) });
    }
    const bindings = await findRecords(deps.store, 'bindings', { personKey: key });
    const delegations = await findRecords(deps.store, 'delegations', { personKey: key });
    people.push({
      person: apps[0] ? { ...apps[0].person } : null,
      applications: apps.map((a) => applicationView(a)),
      // the certificate as held; the QR is on the certificate page, fresh
      certificate: cert ? certificateView(cert, await registrationStatusInTx(deps.store, key)) : null,
      registrations,
      devices: bindings.filter((b) => b.via === 'face' || b.via === 'counter').map((b) => ({ account: maskOpenid(b.openid), via: b.via, since: beijingIso(b.at), thisDevice: b.openid === openid })),
      delegations: delegations.map((d) => ({ helper: maskName(d.helperName ?? ''), status: d.status, since: beijingIso(d.acceptedAt ?? d.createdAt) })),
      messages: await deps.store.count('messages', { personKey: key }),
    });
  }
  return ok({ people });
}
