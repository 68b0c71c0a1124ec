/** Telephone numbers inside a message (components/PhoneText.tsx shows them as links). No platform imports. */
// no look-behind: older iOS WeChat engines lack it. Landlines first, then whole digit runs classified.
const PHONE = /0\d{2,3}-\d{7,8}(?:-\d{1,4})?|\d+/g
const isPhoneRun = (d: string) => /^1[3-9]\d{9}$/.test(d) || /^(12333|12345|95\d{3,4})$/.test(d) || d.includes('-')

export function splitPhones(text: string): Array<{ text: string; phone?: string }> {
  const out: Array<{ text: string; phone?: string }> = []
  let plain = ''
  let last = 0
  for (const m of text.matchAll(PHONE)) {
    plain += text.slice(last, m.index)
    last = m.index! + m[0].length
    if (isPhoneRun(m[0])) {
      if (plain) out.push({ text: plain })
      plain = ''
      out.push({ text: m[0], phone: m[0] })
    } else plain += m[0]
  }
  plain += text.slice(last)
  if (plain) out.push({ text: plain })
  return out
}
