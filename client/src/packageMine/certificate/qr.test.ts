import jsQR from 'jsqr'
import { base64Ascii, drawQr, groupedCertificateNo, localExpiry, qrImage, qrMatrix, screenshotLifeText, tokenLifetimeMs, QR_MAX_VERSION } from './qr'

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

describe('certificate QR on a canvas', () => {
  /** A 2d context that paints into RGBA, as a canvas does. */
  function paint(px: number) {
    const data = new Uint8ClampedArray(px * px * 4)
    const ctx = {
      fillStyle: '#000000' as unknown,
      fillRect(x: number, y: number, w: number, h: number) {
        const v = ctx.fillStyle === '#000000' ? 0 : 255
        for (let r = y; r < y + h; r++) {
          for (let c = x; c < x + w; c++) {
            const i = (r * px + c) * 4
            data[i] = data[i + 1] = data[i + 2] = v
            data[i + 3] = 255
          }
        }
      },
    }
    return { ctx, data }
  }

  it('draws whole-pixel modules with a quiet zone, and a decoder reads the token back', () => {
    const m = qrMatrix(TOKEN)
    expect(m.version).toBeLessThanOrEqual(QR_MAX_VERSION)
    const { ctx, data } = paint(480)
    const unit = drawQr(ctx, m, 480)
    expect(unit).toBe(Math.floor(480 / (m.n + 8)))
    expect(jsQR(data, 480, 480)?.data).toBe(TOKEN)
  })

  it('groups the certificate number for reading aloud', () => {
    expect(groupedCertificateNo('2102042026000123X')).toBe('210 204 2026 000 123 X')
    expect(groupedCertificateNo('not-a-number')).toBe('not-a-number')
  })

  it('says how long a screenshot lasts from the token itself', () => {
    expect(screenshotLifeText(TOKEN)).toBe('截图在 2 分钟后失效')
    expect(screenshotLifeText('x')).toBe('截图很快失效，请出示实时二维码')
  })
})
