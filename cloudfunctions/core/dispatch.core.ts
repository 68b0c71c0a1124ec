/**
 * The edge every call passes: action known? caller allowed? input parsed? then the handler. Shared by the
 * CloudBase entry points and the local gateway so both answer the same way (docs/api.md
 * envelope and status codes). A handler that throws is a bug: the caller gets INTERNAL with a
 * Chinese message, never a stack trace; the log gets the error without personal data.
 */
import type { ActionName, Result } from '@shared/api';
import { ACTIONS, ERROR_STATUS, fail, isActionName, roleAtLeast } from '@shared/api';
import { CONFLICT_MESSAGE, isConflict, retryConflicts } from './conflicts';
import type { Deps } from './deps';
import type { Handler, HandlerMap } from './handlers/handler';
import { isParsedHandler } from './parsed-handler';
import { StoreUnavailableError, TransactionConflictError } from './store.port';
import { writeRecord } from './collections';

/** What a caller reads when the database stays busy or unreachable (503). */
export const STORE_BUSY_MESSAGE = '办理人数较多，系统暂时繁忙，请稍后再试；您填写的内容已保留，再次提交不会重复办理';

export interface DispatchOptions {
  /** `runScheduler` and other local-only actions are allowed (the local gateway) */
  local: boolean;
}

export interface Answer {
  status: number;
  body: Result<unknown>;
}

function answer(body: Result<unknown>): Answer {
  return { status: body.ok ? 200 : ERROR_STATUS[body.error.code], body };
}

/**
 * A staff member refused — role too low, or a record outside their region (the handler answers
 * NOT_FOUND) — is written to `audit` like any staff read (docs/product.md "Privacy and security"): a
 * curious colleague is seen. No input is copied (it may hold an ID number). An audit write that
 * fails does not change the answer; it is logged.
 */
async function auditRefusal(deps: Deps, action: string, code: string): Promise<void> {
  const staff = deps.caller.staff;
  if (!staff) return;
  try {
    await writeRecord(deps.store, 'audit', deps.newId(), {
      at: deps.clock.now(), staffOpenid: staff.openid, staffName: staff.name, staffRegion: staff.region, staffRole: staff.role,
      action, result: 'refused', code,
    });
  } catch (err) {
    deps.log?.('audit.error', { action, error: err instanceof Error ? err.message : String(err) });
  }
}

/**
 * A dispatcher over one set of handlers: each CloudBase function passes only its own registry
 * (handlers/<fn>.registry.ts) so its bundle carries only its own handlers; the local gateway passes
 * them all (dispatch.ts).
 */
export function makeDispatch(handlers: HandlerMap) {
  return (action: string, input: unknown, deps: Deps, options: DispatchOptions) => dispatchWith(handlers, action, input, deps, options);
}

async function dispatchWith(handlers: HandlerMap, action: string, input: unknown, deps: Deps, options: DispatchOptions): Promise<Answer> {
  if (!isActionName(action)) return answer(fail('NOT_FOUND', '没有这项业务，请返回首页重新选择'));
  const audience = ACTIONS[action].audience;
  if (audience === 'local') {
    if (!options.local) return answer(fail('NOT_FOUND', '没有这项业务，请返回首页重新选择'));
  } else if (audience === 'public') {
    // no account needed (an employer checking a share code): the handler rate-limits its callers
  } else {
    if (!deps.caller.openid) return answer(fail('UNAUTHENTICATED', '请先登录后再办理'));
    if (audience !== 'citizen') {
      const staff = deps.caller.staff;
      if (!staff || !roleAtLeast(staff.role, audience)) {
        if (staff) {
          deps.log?.('staff.refused', { action, staff: staff.openid, role: staff.role });
          await auditRefusal(deps, action, 'FORBIDDEN');
        }
        return answer(fail('FORBIDDEN', '您没有办理此项业务的权限'));
      }
    }
  }
  const handler: Handler | undefined = handlers[action as ActionName];
  if (!handler) return answer(fail('NOT_FOUND', '这项业务暂未开放'));
  try {
    const onRetry = (attempt: number, err: unknown) => deps.log?.('handler.conflict_retry', { action, attempt, error: err instanceof Error ? err.name : 'conflict' });
    // Parse at the edge: the input is parsed before the handler runs, and a refusal (the field
    // messages of VALIDATION_FAILED) is answered as it is, nothing read or stored; the handler gets
    // the parsed input (handlers/handler.ts). A read that takes nothing gets the input as sent.
    // A lost race is run again, a few times; never INTERNAL for a conflict (core/conflicts.ts).
    let body: Result<unknown>;
    if (isParsedHandler(handler)) {
      const parsed = handler.parse(input ?? {}, deps);
      body = parsed.ok ? await retryConflicts(() => handler.handle(parsed.data, deps), { onRetry }) : parsed;
    } else {
      body = await retryConflicts(() => handler(input ?? {}, deps), { onRetry });
    }
    if (!body.ok && audience !== 'citizen' && audience !== 'local' && audience !== 'public' && (body.error.code === 'NOT_FOUND' || body.error.code === 'FORBIDDEN')) {
      await auditRefusal(deps, action, body.error.code);
    }
    return answer(body);
  } catch (err) {
    // The store kept failing (lost connection, deadlocks or lock waits past the adapter's bounded
    // retries, or conflicts past ours): not a bug of the handler, and nothing half-written — 503, and
    // the same requestId again gets the first answer or does the work once.
    if (err instanceof StoreUnavailableError || err instanceof TransactionConflictError) {
      deps.log?.('store.unavailable', { action, error: err.message });
      return answer(fail('UNAVAILABLE', STORE_BUSY_MESSAGE));
    }
    // the application changed under the submission on every try (core/conflicts.ts)
    if (isConflict(err)) {
      deps.log?.('handler.conflict', { action, error: err instanceof Error ? err.name : 'conflict' });
      return answer(fail('CONFLICT', CONFLICT_MESSAGE));
    }
    deps.log?.('handler.error', { action, error: err instanceof Error ? err.message : String(err) });
    return answer(fail('INTERNAL', '系统繁忙，请稍后再试；您填写的内容已保留'));
  }
}
