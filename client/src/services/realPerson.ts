/**
 * 实人核验 before a submission (docs/identity.md): knowing a name and an ID number is not enough to
 * act for someone. The cloud starts the check for this account and this person; the face check runs
 * inside the mini-program (WeChat 人脸核身: wx.requestFacialVerify with the cloud's verifyId — no
 * web-view); the cloud then asks WeChat for the result itself (queryVerifyInfo). The client's word is
 * never taken: this file only carries the check token back.
 * Locally the cloud answers `simulated`: there is no face to scan, the cloud decides from the
 * outside-data file (a person marked `"realPerson": "fail"` fails).
 */
import Taro from '@tarojs/taro'
import { call, isNoAnswer } from './cloud'

/**
 * `noAnswer`: the check could not reach the cloud (network). The submission may still go (or be
 * kept for later): the cloud runs its own 实人核验 on every submission and refuses without it.
 * `counterRoute`: where to go when the face check cannot pass (a counter, with the document).
 */
export type RealPersonOutcome = { ok: true; bound: boolean } | { ok: false; message: string; noAnswer?: boolean; counterRoute?: string }

/** Shown while the check runs (the submit button says it). */
export const REAL_PERSON_BUSY = '正在核验本人身份…'

type Started = { mode: 'simulated'; checkToken: string } | { mode: 'wechat'; checkToken: string; verifyId: string }
type Confirmed = { passed: boolean; bound: boolean; detail: string; counterRoute?: string }

/** WeChat 人脸核身 2.0 (基础库 3.8.12+). Resolves when the face check ends, however it ended: the cloud asks for the result. */
function runFaceCheck(verifyId: string): Promise<void> {
  return new Promise((resolve) => {
    const wxApi = (Taro as unknown as { requestFacialVerify?: (o: { verifyId: string; complete: () => void }) => void }).requestFacialVerify
    if (!wxApi) return resolve()
    wxApi({ verifyId, complete: () => resolve() })
  })
}

export async function ensureRealPerson(person: { name: string; idNumber: string }): Promise<RealPersonOutcome> {
  const started = await call<Started>('startRealPersonCheck', { name: person.name, idNumber: person.idNumber })
  if (!started.ok) return { ok: false, message: started.error.message, ...(isNoAnswer(started) ? { noAnswer: true } : {}) }
  if (started.data.mode === 'wechat') await runFaceCheck(started.data.verifyId)
  const confirmed = await call<Confirmed>('confirmRealPersonCheck', { checkToken: started.data.checkToken })
  if (!confirmed.ok) return { ok: false, message: confirmed.error.message, ...(isNoAnswer(confirmed) ? { noAnswer: true } : {}) }
  const c = confirmed.data
  if (c.passed) return { ok: true, bound: c.bound }
  return { ok: false, message: `本人身份核验没有通过（${c.detail}）。${c.counterRoute ?? ''}`, ...(c.counterRoute ? { counterRoute: c.counterRoute } : {}) }
}
