/**
 * The signed revocation list and the public keys, kept on the staff phone for scanning with no
 * signal (docs/api.md `getRevocationList`; the check itself is shared/offline-verify.ts). Fetched when
 * the scan page opens online and whenever the network comes back, if the kept copy is older than
 * REFRESH_AFTER_MS or missing; kept only when its signature verifies with the keys it came with.
 * In packageStaff, so neither this nor the Ed25519 code reaches the citizen's main package.
 */
import Taro from '@tarojs/taro'
import { readRevocationList, type KeptRevocations } from '@shared/offline-verify'
import { call } from '../../services/cloud'

const KEY = 'staff:revocations:v1'
/** A list is good for a day (cloudfunctions/core/revocations.ts); fetch a fresher one every few hours. */
export const REFRESH_AFTER_MS = 3 * 3_600_000

export interface KeptList extends KeptRevocations {
  /** the list's own issue and expiry times, epoch seconds (from its verified claims) */
  issuedAt: number
  expiresAt: number
  /** certificate versions the list voids */
  count: number
  /** when this phone fetched it (its own clock), epoch ms */
  fetchedAt: number
}

export function keptList(): KeptList | null {
  try {
    const v = Taro.getStorageSync(KEY) as KeptList | '' | undefined
    return v && typeof v === 'object' && typeof v.list === 'string' && v.jwks ? v : null
  } catch {
    return null
  }
}

export function isStale(kept: KeptList | null, now: number): boolean {
  return !kept || now - kept.fetchedAt > REFRESH_AFTER_MS || now / 1000 > kept.expiresAt
}

let inFlight: Promise<KeptList | null> | null = null

/** Fetches and keeps a fresh list; the kept one (or null) when the cloud does not give a good one. */
export function refreshList(now: number): Promise<KeptList | null> {
  if (inFlight) return inFlight
  inFlight = (async () => {
    const res = await call('getRevocationList', {})
    if (!res.ok) return keptList()
    const read = readRevocationList(res.data.list, res.data.jwks)
    // An SM2 deployment's list cannot be checked here (shared/offline-verify.ts): nothing to keep.
    if (!read.ok) return keptList()
    const kept: KeptList = {
      list: res.data.list, jwks: res.data.jwks, issuedAt: read.claims.iat, expiresAt: read.claims.exp, count: read.claims.n, fetchedAt: now,
    }
    try {
      Taro.setStorageSync(KEY, kept)
    } catch {
      // storage full: scans offline will say there is no list
    }
    return kept
  })().finally(() => {
    inFlight = null
  })
  return inFlight
}
