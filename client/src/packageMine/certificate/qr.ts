/**
 * The certificate QR: the matrix from qrcode-generator, drawn by us on a canvas (QrCode.weapp.tsx:
 * a `<Canvas type="2d">` node; QrCode.h5.tsx: an HTML canvas). An SVG data URL in `<Image>` is
 * reported blank on real phones, so the page no longer shows one; `qrImage` stays for tools and
 * tests that want the code as a picture. Pure functions, no Taro.
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

/** The module matrix of a QR, for drawing on a canvas (QrCode.weapp.tsx / QrCode.h5.tsx). */
export interface QrMatrix {
  /** modules per side, without the quiet zone */
  n: number
  version: number
  /** row-major, n × n, true = dark */
  dark: boolean[]
}

export function qrMatrix(text: string): QrMatrix {
  const qr = qrcode(0, QR_LEVEL)
  qr.addData(text, 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  const dark: boolean[] = new Array(n * n)
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) dark[r * n + c] = qr.isDark(r, c)
  return { n, version: (n - 17) / 4, dark }
}

/** A drawing surface both platforms' 2d contexts satisfy. */
export interface Ctx2d {
  fillStyle: unknown
  fillRect(x: number, y: number, w: number, h: number): void
}

/**
 * Draws the matrix on a `px`-wide square in whole device pixels (a module never straddles two
 * pixels, so the edges stay sharp for the scanner), white quiet zone included. Runs of dark modules
 * in a row are one rectangle. Returns the module size in pixels (0 when the canvas is too small).
 */
export function drawQr(ctx: Ctx2d, m: QrMatrix, px: number): number {
  const unit = Math.floor(px / (m.n + QUIET * 2))
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, px, px)
  if (unit < 1) return 0
  const off = Math.floor((px - unit * m.n) / 2)
  ctx.fillStyle = '#000000'
  for (let r = 0; r < m.n; r++) {
    let c = 0
    while (c < m.n) {
      if (!m.dark[r * m.n + c]) {
        c++
        continue
      }
      const start = c
      while (c < m.n && m.dark[r * m.n + c]) c++
      ctx.fillRect(off + start * unit, off + r * unit, (c - start) * unit, unit)
    }
  }
  return unit
}

/**
 * The certificate number in groups a person reads aloud at a counter: 行政区划 (3 + 3), year,
 * sequence (3 + 3), check character — `2102042026000123X` → `210 204 2026 000 123 X`.
 */
export function groupedCertificateNo(no: string): string {
  if (!/^\d{16}[\dX]$/.test(no)) return no
  return [no.slice(0, 3), no.slice(3, 6), no.slice(6, 10), no.slice(10, 13), no.slice(13, 16), no.slice(16)].join(' ')
}

/** "2 分钟" from the token's own lifetime; the sentence the holder reads about screenshots. */
export function screenshotLifeText(token: string): string {
  const life = tokenLifetimeMs(token)
  if (life === undefined) return '截图很快失效，请出示实时二维码'
  const minutes = Math.round(life / 60_000)
  return minutes >= 1 ? `截图在 ${minutes} 分钟后失效` : `截图在 ${Math.round(life / 1000)} 秒后失效`
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
