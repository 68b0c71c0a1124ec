/**
 * The edge every call passes: action known? caller allowed? then the handler. Shared by the
 * CloudBase entry points and the local gateway so both answer the same way (local-api.md
 * envelope and status codes). A handler that throws is a bug: the caller gets INTERNAL with a
 * Chinese message, never a stack trace; the log gets the error without personal data.
 */
import type { ActionName, Result } from '../../shared/api';
import { ACTIONS, ERROR_STATUS, fail, isActionName, roleAtLeast } from '../../shared/api';
import type { Deps } from './deps';
import { HANDLERS } from './handlers';

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

export async function dispatch(action: string, input: unknown, deps: Deps, options: DispatchOptions): Promise<Answer> {
  if (!isActionName(action)) return answer(fail('NOT_FOUND', '没有这项业务，请返回首页重新选择'));
  const audience = ACTIONS[action].audience;
  if (audience === 'local') {
    if (!options.local) return answer(fail('NOT_FOUND', '没有这项业务，请返回首页重新选择'));
  } else {
    if (!deps.caller.openid) return answer(fail('UNAUTHENTICATED', '请先登录后再办理'));
    if (audience !== 'citizen') {
      const staff = deps.caller.staff;
      if (!staff || !roleAtLeast(staff.role, audience)) {
        if (staff) deps.log?.('staff.refused', { action, staff: staff.openid, role: staff.role });
        return answer(fail('FORBIDDEN', '您没有办理此项业务的权限'));
      }
    }
  }
  const handler = HANDLERS[action as ActionName];
  if (!handler) return answer(fail('NOT_FOUND', '这项业务暂未开放'));
  try {
    return answer(await handler(input ?? {}, deps));
  } catch (err) {
    deps.log?.('handler.error', { action, error: err instanceof Error ? err.message : String(err) });
    return answer(fail('INTERNAL', '系统繁忙，请稍后再试；您填写的内容已保留'));
  }
}
