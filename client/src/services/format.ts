/** Times as people read them, in Beijing time whatever the phone's zone: '2026年3月2日 09:15'. */
import { beijingIso } from '@shared/dates'

export function timeText(iso: string | number, withSeconds = false): string {
  const ms = typeof iso === 'number' ? iso : Date.parse(iso)
  if (!Number.isFinite(ms)) return String(iso)
  const b = beijingIso(ms)
  return `${Number(b.slice(0, 4))}年${Number(b.slice(5, 7))}月${Number(b.slice(8, 10))}日 ${b.slice(11, withSeconds ? 19 : 16)}`
}

/** '2026-03-02' → '2026年3月2日' */
export function dateText(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date)
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : date
}

/**
 * Source citations are for staff and code, not for the citizen: a parenthesis holding a document
 * number — `（人社厅发〔2020〕79号 一(三)）` — is dropped from what the person reads.
 */
export function plain(text: string): string {
  return text
    .replace(/\s*（[^（）]*(?:〔\d{4}〕|\bseed\b)[^（）]*）/gi, '')
    .replace(/\s*\((?:[^()]|\([^()]*\))*?(?:〔\d{4}〕|\bseed\b)(?:[^()]|\([^()]*\))*\)/gi, '')
    .trim()
}
