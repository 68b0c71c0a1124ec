import jsQR from 'jsqr'
import { base64Ascii, localExpiry, qrImage, tokenLifetimeMs, QR_MAX_VERSION } from './qr'

// A compact JWS of the shape the cloud signs (EdDSA, claims c/v/iat/exp): 211 characters.
const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', kid: 'GrU' })).toString('base64url')
const payload = Buffer.from(JSON.stringify({ c: '21020220260000010', v: 1, iat: 1795449116, exp: 1795449236 })).toString('base64url')
const TOKEN = `${header}.${payload}.${'x'.repeat(86)}`

/** Rasterise the SVG's path (unit squares) at `scale` px per module into RGBA for jsQR. */
function raster(url: string, scale = 4): { data: Uint8ClampedArray; size: number } {
  const svg = Buffer.from(url.split(',')[1], 'base64').toString('ascii')
  const n = Number(/viewBox="0 0 (\d+)/.exec(svg)![1])
  const size = n * scale
  const data = new Uint8ClampedArray(size * size * 4).fill(255)
  for (const m of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-?\d+z/g)) {
    const [x, y, w] = [Number(m[1]), Number(m[2]), Number(m[3])]
    for (let py = y * scale; py < (y + 1) * scale; py++)
      for (let px = x * scale; px < (x + w) * scale; px++) data.fill(0, (py * size + px) * 4, (py * size + px) * 4 + 3)
  }
  return { data, size }
}

describe('certificate QR image', () => {
  it('encodes the token so a standard decoder reads it back unchanged', () => {
    const { url } = qrImage(TOKEN)
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true)
    const { data, size } = raster(url)
    expect(jsQR(data, size, size)?.data).toBe(TOKEN)
  })

  it('keeps a token of today’s size within version 10 at error correction M', () => {
    expect(qrImage(TOKEN).version).toBeLessThanOrEqual(QR_MAX_VERSION)
  })

  it('writes base64 the way Node does (the mini-program has no btoa)', () => {
    for (const s of ['', 'a', 'ab', 'abc', '<svg viewBox="0 0 65 65"/>']) expect(base64Ascii(s)).toBe(Buffer.from(s).toString('base64'))
  })

  it('counts the code’s life from receipt, so a phone clock minutes off does not expire it early', () => {
    expect(tokenLifetimeMs(TOKEN)).toBe(120_000)
    const receivedAt = Date.parse('2026-03-10T10:00:00+08:00')
    // qrExpiresAt says 09:50 (phone clock 12 minutes ahead): the token's own lifetime wins
    expect(localExpiry(TOKEN, '2026-03-10T09:50:00+08:00', receivedAt)).toBe(receivedAt + 115_000)
    expect(localExpiry('not-a-token', '2026-03-10T10:02:00+08:00', receivedAt)).toBe(receivedAt + 120_000)
  })
})
