/**
 * The separate consents for sensitive personal information (个人信息保护法 第二十八条: 证件号码 and
 * 人脸信息 are sensitive; 第二十九条: processing them needs the person's separate consent; 第三十条: told
 * why and what refusing means, at the moment it is asked for). Each answer is kept on this phone only,
 * under a key that carries the version of the text agreed to (a new text asks again), and is
 * withdrawn as easily as it was given (第十五条) in 设置 or 我的数据. A refusal keeps nothing.
 */
import Taro from '@tarojs/taro'

export type ConsentKind = 'idNumber' | 'face'

/** Storage keys: `v1` is the version of the notice text (components/IdNumberConsent.tsx, services/realPerson.ts). */
export const CONSENT_KEYS: Record<ConsentKind, string> = {
  idNumber: 'consent:idNumber:v1',
  face: 'consent:face:v1',
}

export const CONSENT_LABELS: Record<ConsentKind, string> = {
  idNumber: '处理证件号码（填写申请时）',
  face: '处理人脸信息（在线核验本人身份时）',
}

/** Unsent forms kept on the phone (each form's draft key starts so): they hold the ID number. */
const DRAFT_PREFIX = 'draft:'

/** When the person agreed on this phone (ISO time), or null when they have not (or withdrew). */
export function consentGiven(kind: ConsentKind): string | null {
  try {
    const v: unknown = Taro.getStorageSync(CONSENT_KEYS[kind])
    return typeof v === 'string' && v !== '' ? v : null
  } catch {
    return null
  }
}

/** Kept only when the person tapped 同意; when storage fails they are simply asked again next time. */
export function giveConsent(kind: ConsentKind): void {
  try {
    Taro.setStorageSync(CONSENT_KEYS[kind], new Date().toISOString())
  } catch {
    // not kept: asked again next time
  }
}

/**
 * 撤回: the consent is forgotten, so the next form (or face check) asks again. Withdrawing the ID
 * number's consent also deletes the unsent forms on this phone (个人信息保护法 第四十七条), which hold it;
 * what was already submitted stays with the office that handles it (第十五条: a withdrawal does not
 * undo what was done with the consent before). Returns how many unsent forms were deleted.
 */
export function withdrawConsent(kind: ConsentKind): number {
  let deleted = 0
  try {
    Taro.removeStorageSync(CONSENT_KEYS[kind])
  } catch {
    // nothing kept
  }
  if (kind !== 'idNumber') return 0
  try {
    const keys = Taro.getStorageInfoSync().keys ?? []
    for (const k of keys) {
      if (!k.startsWith(DRAFT_PREFIX)) continue
      Taro.removeStorageSync(k)
      deleted++
    }
  } catch {
    // storage cannot be listed here: nothing more to delete
  }
  return deleted
}
