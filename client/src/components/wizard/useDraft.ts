/**
 * The draft of a citizen's form, kept on the phone after every change (a weak network or a phone call must
 * never cost a half-filled form), and how the page was opened: 家人代办 (`for=`) or 退回补正 (`corrects=`).
 */
import { useEffect, useMemo, useState } from 'react'
import Taro from '@tarojs/taro'
import { call } from '../../services/cloud'

export function readStorage(key: string): unknown {
  try {
    return Taro.getStorageSync(key)
  } catch {
    return undefined
  }
}

/** The draft restored from storage (or a new one), and whether the restored one holds something typed. */
export function useDraft<D>(key: string, load: (stored: unknown) => { draft: D; restored: boolean }) {
  const initial = useMemo(() => load(readStorage(key)), [key])
  const [draft, setDraft] = useState<D>(initial.draft)
  const [restored, setRestored] = useState(initial.restored)
  return { initial, draft, setDraft, restored, setRestored }
}

/** Every change is kept until the form is done (then the submission removed it). */
export function useKeepDraft(key: string, draft: unknown, done: boolean) {
  useEffect(() => {
    if (done) return
    try {
      Taro.setStorageSync(key, draft)
    } catch {
      // storage full or unavailable: the form still works, only the draft is not kept
    }
  }, [draft, done, key])
}

/** The page's `for=` (家人代办) and `corrects=` (退回补正) parameters, if any. */
export function openedWith(): { forDelegation?: string; corrects?: string } {
  const params = Taro.getCurrentInstance().router?.params
  return { forDelegation: params?.for, corrects: params?.corrects }
}

/** 家人代办: opened with `for=` — this fill is made for the person who invited the helper. */
export function useDelegation(forDelegation: string | undefined, start: (id: string) => void, deps: unknown[] = []) {
  useEffect(() => {
    if (!forDelegation) return
    start(decodeURIComponent(forDelegation))
  }, [forDelegation, ...deps])
}

export interface Returned {
  applicationId: string
  returnedFor: string
  form: Record<string, unknown>
}

/**
 * 退回补正: opened with `corrects=` from 进度查询 — the returned answers, and what to change. Returns what the
 * staff asked to change (null when not correcting).
 */
export function useCorrection(corrects: string | undefined, loaded: (r: Returned) => void, refused: (message: string) => void, deps: unknown[] = []) {
  const [returnedFor, setReturnedFor] = useState<string | null>(null)
  useEffect(() => {
    if (!corrects) return
    let gone = false
    void call('getReturnedApplication', { applicationId: decodeURIComponent(corrects) }).then((res) => {
      if (gone) return
      if (!res.ok) {
        refused(res.error.message)
        return
      }
      setReturnedFor(res.data.returnedFor)
      loaded({ applicationId: res.data.applicationId, returnedFor: res.data.returnedFor, form: res.data.form as Record<string, unknown> })
    })
    return () => {
      gone = true
    }
  }, [corrects, ...deps])
  return returnedFor
}
