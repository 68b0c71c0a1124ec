/**
 * Keyboard and switch-access use of the H5 build (issue "Citizen experience" §3). Taro renders a
 * tappable View as <taro-view-core role="link|button|…"> and a Button as <taro-button-core>: custom
 * elements a keyboard cannot reach or press. This makes each of them focusable and lets Enter/Space
 * press it, and makes the page's own scroll container focusable so arrow keys scroll it.
 * The mini-program has no keyboard focus; there this does nothing.
 */
const PRESSABLE = ['link', 'button', 'switch', 'checkbox', 'radio'].map((r) => `taro-view-core[role="${r}"]`).concat('taro-button-core').join(',')

let started = false

export function startKeyboardSupport(): void {
  if (process.env.TARO_ENV !== 'h5' || started || typeof document === 'undefined') return
  started = true
  const mark = () => {
    document.querySelectorAll<HTMLElement>(`${PRESSABLE.split(',').map((s) => `${s}:not([tabindex])`).join(',')}`).forEach((el) => {
      if (el.getAttribute('aria-disabled') !== 'true') el.tabIndex = 0
    })
    document.querySelectorAll<HTMLElement>('.taro_page:not([tabindex])').forEach((el) => {
      el.tabIndex = 0
    })
  }
  mark()
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true })
  document.addEventListener('keydown', (e) => {
    const t = e.target as HTMLElement | null
    if (!t || (e.key !== 'Enter' && e.key !== ' ') || !t.matches?.(PRESSABLE)) return
    e.preventDefault()
    t.click()
  })
}
