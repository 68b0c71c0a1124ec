/**
 * The certificate QR as an image the `<Image>` component shows on both platforms: the matrix
 * comes from qrcode-generator, drawn by us as an SVG data URL (no canvas: a canvas on weapp is
 * asynchronous and would blank out between two codes). Pure functions, no Taro.
 */
import qrcode from 'qrcode-generator'

/** Error correction M: survives a scratched screen or glare, and the token still fits version 10. */
export const QR_LEVEL = 'M' as const
/** The largest version staff scanners read at arm's length off a phone screen (issue: ≤ 10 at M). */
export const QR_MAX_VERSION = 10
/** The standard 4-module quiet zone: without it phone scanners and jsQR miss the finder patterns. */
const QUIET = 4

export interface QrImage {
  /** `data:image/svg+xml;base64,…` */
  url: string
  version: number
}

export function qrImage(text: string): QrImage {
  const qr = qrcode(0, QR_LEVEL)
  qr.addData(text, 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  const size = n + QUIET * 2
  // One path of unit squares, runs of dark modules merged per row: ~3 KB for version 10.
  let d = ''
  for (let r = 0; r < n; r++) {
    let c = 0
    while (c < n) {
      if (!qr.isDark(r, c)) {
        c++
        continue
      }
      const start = c
      while (c < n && qr.isDark(r, c)) c++
      d += `M${start + QUIET} ${r + QUIET}h${c - start}v1h${start - c}z`
    }
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 8}" height="${size * 8}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path d="${d}" fill="#000"/></svg>`
  return { url: `data:image/svg+xml;base64,${base64Ascii(svg)}`, version: (n - 17) / 4 }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** base64 of an ASCII string; the mini-program has no `btoa`. */
export function base64Ascii(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i)
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) : NaN
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) : NaN
    const n = (a << 16) | ((b || 0) << 8) | (c || 0)
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63]
    out += Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]
    out += Number.isNaN(c) ? '=' : B64[n & 63]
  }
  return out
}

/**
 * How long the token lives, in ms, from its own claims (exp − iat): the phone's clock may be
 * minutes off the server's, so the page counts this span from the moment it received the token
 * instead of comparing `qrExpiresAt` with the phone's clock. Undefined when it cannot tell.
 */
export function tokenLifetimeMs(token: string): number | undefined {
  const part = token.split('.')[1]
  if (!part) return undefined
  try {
    const claims = JSON.parse(base64UrlAscii(part)) as { iat?: unknown; exp?: unknown }
    if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number' || claims.exp <= claims.iat) return undefined
    return (claims.exp - claims.iat) * 1000
  } catch {
    return undefined
  }
}

function base64UrlAscii(s: string): string {
  let bits = 0
  let value = 0
  let out = ''
  for (const ch of s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '')) {
    const v = B64.indexOf(ch)
    if (v < 0) throw new Error('not base64url')
    value = (value << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out += String.fromCharCode((value >> bits) & 255)
    }
  }
  return out
}

/**
 * When, on this phone's clock, the code stops being valid: the token's lifetime counted from
 * receipt, minus a margin for the time the answer took to arrive; `qrExpiresAt` when the token
 * does not say.
 */
export function localExpiry(token: string, qrExpiresAt: string | undefined, receivedAt: number): number {
  const life = tokenLifetimeMs(token)
  if (life !== undefined) return receivedAt + life - 5000
  const at = qrExpiresAt ? Date.parse(qrExpiresAt) : NaN
  return Number.isFinite(at) ? at : receivedAt + 60_000
}
