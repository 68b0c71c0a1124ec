/**
 * Who the caller is to the cloud (`whoAmI`): a citizen or a staff role. Used to show staff entry
 * points only to staff; it hides, it does not protect — every staff action is refused by the
 * cloud (FORBIDDEN) for anyone else.
 */
import type { Role } from '@shared/api'
import type { Me } from '@shared/answers'
import { call, currentIdentity } from './cloud'

export type { Me }

/** A role rarely changes; asking once per identity per few minutes spares every page a round trip. */
const TTL_MS = 5 * 60_000
let cached: { identity: string; at: number; me: Me } | undefined

/** The caller's role, or an error message when the cloud could not say. */
export async function whoAmI(): Promise<{ ok: true; me: Me } | { ok: false; message: string }> {
  const identity = currentIdentity()
  if (cached && cached.identity === identity && Date.now() - cached.at < TTL_MS) return { ok: true, me: cached.me }
  const res = await call('whoAmI')
  if (!res.ok) return { ok: false, message: res.error.message }
  cached = { identity, at: Date.now(), me: res.data }
  return { ok: true, me: res.data }
}

export const isStaff = (me: Me): me is Me & { role: Role } => me.role !== 'citizen'
