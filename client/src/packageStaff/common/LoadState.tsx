/**
 * The loading and error parts every staff page shows while it fetches, and a loader for the list
 * pages (load on mount, on every show — back from a decision the item must be gone — and on
 * pull-down). One place, so the pages differ only in what they list.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ActionName } from '@shared/api'
import type { ActionOutput } from '@shared/contract'
import { call } from '../../services/cloud'
import { Button } from '../../components/Button'
import { Notice } from '../../components/Notice'

export type LoadStateOf<T> = { kind: 'loading' } | { kind: 'error'; message: string } | ({ kind: 'shown' } & T)

export function LoadState({ state, errorTitle, errorId, retryId, onRetry }: {
  state: { kind: string; message?: string }
  errorTitle: string
  errorId: string
  retryId: string
  onRetry: () => void
}) {
  if (state.kind === 'loading') {
    return (
      <View className='staff__loading' role='status'>
        <Text>正在加载…</Text>
      </View>
    )
  }
  if (state.kind === 'error') {
    return (
      <View>
        <Notice id={errorId} kind='error' title={errorTitle}>
          <Text>{state.message}</Text>
        </Notice>
        <Button id={retryId} onClick={onRetry}>
          重新加载
        </Button>
      </View>
    )
  }
  return null
}

/** The staff list actions: those answering `{ items }` (shared/contract.ts). */
type ListAction = { [A in ActionName]: ActionOutput<A> extends { items: unknown[] } ? A : never }[ActionName]
type ItemOf<A extends ListAction> = ActionOutput<A> extends { items: Array<infer T> } ? T : never

/** Loads `action`'s `{ items }` for a list page; mounted after the staff check, i.e. after the first show. */
export function useStaffList<A extends ListAction>(action: A) {
  const [state, setState] = useState<LoadStateOf<{ items: ItemOf<A>[] }>>({ kind: 'loading' })
  const loading = useRef(false)
  const load = useCallback(async () => {
    if (loading.current) return
    loading.current = true
    const res = await call<ListAction>(action)
    loading.current = false
    Taro.stopPullDownRefresh()
    // the answer of `action`, one of the list actions: TypeScript does not follow which one
    setState(res.ok ? { kind: 'shown', items: res.data.items as ItemOf<A>[] } : { kind: 'error', message: res.error.message })
  }, [action])
  useEffect(() => {
    void load()
  }, [load])
  useDidShow(() => void load())
  usePullDownRefresh(() => void load())
  return { state, load }
}
