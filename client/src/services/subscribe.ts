/**
 * Asks for WeChat subscribe-message consent at the moments it makes sense (on submitting, on
 * reading a result) and reports the taps to the cloud, which counts one send per accepted tap
 * (docs/toolchain.md: one tap = one send; cloudfunctions/core/handlers/recordSubscription.handler.ts, core/subscriptions.ts).
 * Pages call `askSubscription(moment)` from the tap handler itself: WeChat only shows the dialog
 * in direct response to a user tap. Never throws and never blocks the page's own action: a
 * refusal or an error only means reminders come by SMS or stay in 我的消息.
 *
 * Template ids come from the build (TARO_APP_SUBSCRIBE_TMPL_RESULT / _REMINDER, the same ids as
 * the cloud's SUBSCRIBE_TMPL_*); without them nothing is asked.
 */
import Taro from '@tarojs/taro'
import { TEMPLATES_FOR_MOMENT, type TemplateKey } from '@shared/notify'
import { call } from './cloud'

/**
 * Read only on weapp, after the TARO_ENV check: the build replaces `process.env.TARO_APP_*` only
 * when the variable is set, and the H5 bundle has no `process` at run time (a module-level read
 * threw "process is not defined" on every H5 page importing this file).
 */
function templateIds(): Record<TemplateKey, string> {
  return {
    result: process.env.TARO_APP_SUBSCRIBE_TMPL_RESULT ?? '',
    reminder: process.env.TARO_APP_SUBSCRIBE_TMPL_REMINDER ?? '',
  }
}

type Answer = 'accept' | 'reject' | 'ban' | 'filter'

export async function askSubscription(moment: 'submit' | 'result'): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  const TEMPLATE_IDS = templateIds()
  const keys = TEMPLATES_FOR_MOMENT[moment].filter((k) => TEMPLATE_IDS[k])
  if (keys.length === 0) return
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds: keys.map((k) => TEMPLATE_IDS[k]) } as Parameters<typeof Taro.requestSubscribeMessage>[0])) as unknown as Record<string, unknown>
    const templates: Partial<Record<TemplateKey, Answer>> = {}
    for (const k of keys) {
      const answer = res[TEMPLATE_IDS[k]]
      if (answer === 'accept' || answer === 'reject' || answer === 'ban' || answer === 'filter') templates[k] = answer
    }
    if (Object.keys(templates).length > 0) await call('recordSubscription', { templates })
  } catch {
    // the dialog was dismissed or is unsupported (older base library): nothing to record
  }
}
