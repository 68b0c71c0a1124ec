/**
 * Parse at the edge (handlers/handler.ts, dispatch.core.ts): dispatch parses an action's input with its
 * schema before the handler runs — a refusal is the VALIDATION_FAILED body with the schema's field
 * messages and the handler never runs — and the handler receives the parsed value, not what was sent.
 */
import { ok } from '@shared/api';
import { withdrawSchema } from '@shared/after-answer.schema';
import { handlerRig, type HandlerRig } from '../../../test/support/handler-rig';
import { makeDispatch } from '../dispatch.core';
import { defineHandler, type HandlerMap } from './handler';

let rig: HandlerRig;
beforeAll(() => { rig = handlerRig(); });
afterAll(() => rig.close());

const seen: unknown[] = [];
const withdrawApplication = defineHandler(withdrawSchema, async (input) => {
  seen.push(input);
  return ok({ applicationId: input.applicationId } as never);
});
const dispatch = makeDispatch({ withdrawApplication } as HandlerMap);

it('answers a refused input with the field messages, without running the handler', async () => {
  const a = await dispatch('withdrawApplication', { requestId: 'r-12345678' }, rig.citizen('o-me'), { local: true });
  expect(a.status).toBe(400);
  expect(a.body).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { applicationId: '请提供申请编号' } } });
  expect(seen).toEqual([]);
});

it('hands the handler the parsed input: unknown fields dropped', async () => {
  const a = await dispatch('withdrawApplication', { requestId: 'r-12345678', applicationId: 'app-1', extra: 'x' }, rig.citizen('o-me'), { local: true });
  expect(a.status).toBe(200);
  expect(seen).toEqual([{ requestId: 'r-12345678', applicationId: 'app-1' }]);
});
