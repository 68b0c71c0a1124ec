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
import { consentGiven, giveConsent } from './consent'

/**
 * `noAnswer`: the check could not reach the cloud (network). The submission may still go (or be
 * kept for later): the cloud runs its own 实人核验 on every submission and refuses without it.
 * `counterRoute`: where to go when the face check cannot pass (a counter, with the document).
 */
export type RealPersonOutcome = { ok: true; bound: boolean } | { ok: false; message: string; noAnswer?: boolean; counterRoute?: string }

/** Shown while the check runs (the submit button says it). */
export const REAL_PERSON_BUSY = '正在核验本人身份…'

/** WeChat 人脸核身 2.0 (基础库 3.8.12+). Resolves when the face check ends, however it ended: the cloud asks for the result. */
function runFaceCheck(verifyId: string): Promise<void> {
  return new Promise((resolve) => {
    const wxApi = (Taro as unknown as { requestFacialVerify?: (o: { verifyId: string; complete: () => void }) => void }).requestFacialVerify
    if (!wxApi) return resolve()
    wxApi({ verifyId, complete: () => resolve() })
  })
}

export const NO_FACE_CONSENT =
  '您没有同意处理人脸信息，没有发起人脸核验，也没有保存任何人脸信息。可以携带身份证件到就近的公共就业服务窗口，由工作人员核实后办理；已填写的内容会保留在本机。'

/**
 * 个人信息保护法 二十九、三十条: the separate consent to process sensitive personal information (the face,
 * with the ID number it is checked against), asked at the moment it is needed, saying why and what
 * refusing means. Kept on the phone once given (services/consent.ts, withdrawn in 设置 or 我的数据).
 */
async function faceConsent(): Promise<boolean> {
  if (consentGiven('face')) return true
  const r = await Taro.showModal({
    title: '处理人脸信息的单独同意',
    content: '为核实是您本人办理，将通过微信人脸核身比对您的人脸和证件号码（敏感个人信息），只用于本次核验，本服务不保存人脸图像。不同意的，可以到就业服务窗口由工作人员核实身份。',
    confirmText: '同意',
    cancelText: '不同意',
  }).catch(() => ({ confirm: false }))
  if (!r.confirm) return false
  giveConsent('face')
  return true
}

/**
 * The mini-program's check is a face check (WeChat 人脸核身; locally its simulation): the consent comes
 * before anything is started, since starting already hands the name and ID number to the face check
 * (getVerifyId). The H5 build only talks to the local gateway, whose check is a simulation that
 * sees no face: nothing to consent to there.
 */
const FACE_CHECK = process.env.TARO_ENV === 'weapp'

export async function ensureRealPerson(person: { name: string; idNumber: string }): Promise<RealPersonOutcome> {
  // declined: nothing is started, nothing sent
  if (FACE_CHECK && !(await faceConsent())) return { ok: false, message: NO_FACE_CONSENT }
  const started = await call('startRealPersonCheck', { name: person.name, idNumber: person.idNumber })
  if (!started.ok) return { ok: false, message: started.error.message, ...(isNoAnswer(started) ? { noAnswer: true } : {}) }
  // confirmed by staff at a counter: this account already acts as the person
  if (started.data.mode === 'counter') return { ok: true, bound: true }
  if (started.data.mode === 'wechat') await runFaceCheck(started.data.verifyId)
  const confirmed = await call('confirmRealPersonCheck', { checkToken: started.data.checkToken })
  if (!confirmed.ok) return { ok: false, message: confirmed.error.message, ...(isNoAnswer(confirmed) ? { noAnswer: true } : {}) }
  const c = confirmed.data
  if (c.passed) return { ok: true, bound: c.bound }
  return { ok: false, message: `本人身份核验没有通过（${c.detail}）。${c.counterRoute ?? ''}`, ...(c.counterRoute ? { counterRoute: c.counterRoute } : {}) }
}
