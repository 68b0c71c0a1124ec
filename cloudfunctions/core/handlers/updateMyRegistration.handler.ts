/**
 * Change phone, residence, job intentions or skills on the active registration (人社厅发〔2020〕79号 二(六));
 * recorded in its history (what changed and when, never the values); a move of 常住地 is told to both
 * offices. Idempotent by `requestId`.
 */
import { fail, ok } from '@shared/api';
import { updateRegistrationSchema } from '@shared/after-answer.schema';
import type { UpdateRegistrationAnswer } from '@shared/answers';
import { beijingDate } from '@shared/dates';
import { maskName } from '@shared/mask';
import { regionName } from '@shared/regions';
import { REGISTRATION_KIND_LABEL } from '@shared/registrations';
import { messageIds, readRecord, writeRecord } from '../collections';
import { oncePerRequest } from '../idempotency';
import { writeMessageInTx } from '../messages';
import { callersActiveRegistration, registrationId } from '../registrations';
import { tellStaffInTx } from '../schedule';
import { defineHandler } from './handler';

export type { UpdateRegistrationAnswer };

const CHANGE_WORDS: Record<string, string> = { phone: '手机号码', residenceAddress: '常住地址', jobIntentions: '求职意向', skills: '技能特长' };

export const updateMyRegistration = defineHandler(updateRegistrationSchema, async ({ requestId, ...changes }, deps) =>
  oncePerRequest<UpdateRegistrationAnswer>(deps, 'updateMyRegistration', requestId, async (tx, at) => {
    const reg = await callersActiveRegistration(deps, tx, ['unemployment', 'flexible']);
    if (!reg) return fail('CONFLICT', '您目前没有有效的登记；请先办理失业登记或灵活就业登记');
    const changed = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== undefined);
    const app = await readRecord(tx, 'applications', reg.applicationId);
    const oldCounty = (app?.person.residenceAddress as { regionCode?: string } | undefined)?.regionCode ?? reg.region;
    const newCounty = changes.residenceAddress?.regionCode ?? oldCounty;
    const regionChanged = newCounty !== oldCounty;
    const details = { ...((reg.details as Record<string, unknown> | undefined) ?? {}), ...Object.fromEntries(changed.map((k) => [k, (changes as Record<string, unknown>)[k]])) };
    // the history says what changed and when, never the values (they are personal data)
    const history = [...((reg.changes as unknown[] | undefined) ?? []), { at, fields: changed, by: deps.caller.openid }];
    await writeRecord(tx, 'registrations', registrationId(reg.kind, reg.personKey), { ...reg, details, changes: history });
    if (app) {
      // staff call the number on the application: it must be the current one
      const person = { ...app.person, ...(changes.phone ? { phone: changes.phone } : {}), ...(changes.residenceAddress ? { residenceAddress: changes.residenceAddress } : {}) };
      await writeRecord(tx, 'applications', app.applicationId, { ...app, person });
    }
    const words = changed.map((k) => CHANGE_WORDS[k] ?? k).join('、');
    await writeMessageInTx(tx, {
      messageId: messageIds.registrationUpdated(reg.registrationId, at), openid: reg.openid ?? deps.caller.openid!, personKey: reg.personKey, event: 'registration.updated',
      title: `${REGISTRATION_KIND_LABEL[reg.kind]}信息已更新`, body: `您于 ${beijingDate(at)} 更新了${words}。`, at, applicationId: reg.applicationId,
    });
    if (regionChanged) {
      // 登记失业地 stays where the person registered; both offices are told of the move
      for (const region of new Set([reg.region, newCounty])) {
        await tellStaffInTx(tx, deps, region, {
          id: messageIds.moved(reg.registrationId, at, region), at, applicationId: reg.applicationId,
          title: '登记人员常住地变更', body: `${maskName(String(reg.person?.name ?? ''))}的常住地已由 ${regionName(oldCounty) ?? oldCounty} 变更为 ${regionName(newCounty) ?? newCounty}，请按需做好服务衔接。`,
        });
      }
    }
    return ok({ registrationId: reg.registrationId, kind: reg.kind, changed, regionChanged });
  }));
