/**
 * H5: the forms behind home's tiles are fetched while the person reads home, so a tap opens them
 * without waiting for the network — the counterpart of the mini-program's preloadRule
 * (app.config.ts). The build names their files in an inert <template> of index.html
 * (client/config/h5-delivery.ts PageHintsPlugin); home calls this once it is on the screen, so
 * the forms do not share the slow link with home's own files. Once per visit; nothing elsewhere.
 */

/** The template's id: a build constant (client/config/index.ts defineConstants). */
declare const PREFETCH_TEMPLATE_ID: string

let started = false

export function prefetchNextPages(): void {
  if (process.env.TARO_ENV !== 'h5' || started) return
  started = true
  const template = document.getElementById(PREFETCH_TEMPLATE_ID)
  if (template instanceof HTMLTemplateElement) document.head.appendChild(template.content.cloneNode(true))
}
