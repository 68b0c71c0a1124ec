/**
 * 实人核验 before a submission (PRODUCT.md "Privacy and security"): knowing a name and an ID number
 * is not enough to act for someone. The cloud starts the check (FaceID DetectAuth in production),
 * the person completes the face check in the FaceID page, and the cloud confirms the result with
 * FaceID itself (GetDetectInfoEnhanced) — the client's word is never taken.
 * Locally the cloud answers `simulated` and the check passes, so the demo runs without an account.
 */
import Taro from '@tarojs/taro'
import { call } from './cloud'

export type RealPersonOutcome = { ok: true } | { ok: false; message: string }

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
  if (!started.ok) return { ok: false, message: started.error.message }
  if (started.data.mode === 'simulated') return { ok: true }
  await runFaceCheck(started.data.url)
  const confirmed = await call<{ passed: boolean; detail: string }>('confirmRealPersonCheck', { bizToken: started.data.bizToken })
  if (!confirmed.ok) return { ok: false, message: confirmed.error.message }
  return confirmed.data.passed ? { ok: true } : { ok: false, message: `实人核验未通过：${confirmed.data.detail}` }
}
