/**
 * Unread messages (issue 17: "no unread count on home"): the newest message time the person has seen
 * on 我的消息 is kept on the phone; home counts the messages after it. Kept per phone, not in the
 * cloud: reading on one phone does not clear another's badge, which errs on the side of telling.
 */
import Taro from '@tarojs/taro'

const KEY = 'messages:seenUntil'

export function seenUntil(): number {
  try {
    const v = Number(Taro.getStorageSync(KEY))
    return Number.isFinite(v) ? v : 0
  } catch {
    return 0
  }
}

export function markMessagesSeen(messages: readonly { at: string }[]): void {
  const newest = Math.max(0, ...messages.map((m) => Date.parse(m.at)).filter(Number.isFinite))
  if (newest <= seenUntil()) return
  try {
    Taro.setStorageSync(KEY, newest)
  } catch {
    // storage unavailable: the badge stays until the next visit
  }
}

export function unreadCount(messages: readonly { at: string }[]): number {
  const since = seenUntil()
  return messages.filter((m) => Date.parse(m.at) > since).length
}
