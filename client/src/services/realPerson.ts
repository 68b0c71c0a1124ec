/**
 * 实人核验 before a submission (docs/product.md "Privacy and security"): knowing a name and an ID number
 * is not enough to act for someone. The cloud starts the check (FaceID DetectAuth in production),
 * the person completes the face check in the FaceID page, and the cloud confirms the result with
 * FaceID itself (GetDetectInfoEnhanced) — the client's word is never taken.
 * Locally the cloud answers `simulated` and the check passes, so the demo runs without an account.
 */
import Taro from '@tarojs/taro'
import { call, isNoAnswer } from './cloud'

/**
 * `noAnswer`: the check could not reach the cloud (network). The submission may still go (or be
 * kept for later): the cloud runs its own 实人核验 on every submission and refuses without it.
 */
export type RealPersonOutcome = { ok: true } | { ok: false; message: string; noAnswer?: boolean }

/** Shown while the check runs (the submit button says it). */
export const REAL_PERSON_BUSY = '正在核验本人身份…'

type Started = { mode: 'simulated' } | { mode: 'faceid'; bizToken: string; url: string }

/** Opens the FaceID page and resolves when the person comes back from it. */
function runFaceCheck(url: string): Promise<void> {
  return new Promise((resolve) => {
    Taro.navigateTo({
      url: `/pages/realperson/index?u=${encodeURIComponent(url)}`,
      events: { done: () => resolve() },
      fail: () => resolve(),
    })
  })
}

export async function ensureRealPerson(person: { name: string; idNumber: string }): Promise<RealPersonOutcome> {
  const started = await call<Started>('startRealPersonCheck', { name: person.name, idNumber: person.idNumber })
  if (!started.ok) return { ok: false, message: started.error.message, ...(isNoAnswer(started) ? { noAnswer: true } : {}) }
  if (started.data.mode === 'simulated') return { ok: true }
  await runFaceCheck(started.data.url)
  const confirmed = await call<{ passed: boolean; detail: string }>('confirmRealPersonCheck', { bizToken: started.data.bizToken })
  if (!confirmed.ok) return { ok: false, message: confirmed.error.message, ...(isNoAnswer(confirmed) ? { noAnswer: true } : {}) }
  return confirmed.data.passed ? { ok: true } : { ok: false, message: `本人身份核验没有通过（${confirmed.data.detail}），请本人重新刷脸后再提交` }
}
