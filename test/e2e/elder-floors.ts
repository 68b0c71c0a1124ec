/**
 * The MIIT 适老化 floors for 长辈模式 (issue 17), measured in the browser instead of eyeballed: every
 * interactive element on the page — buttons, links, radios, tick boxes, switches, inputs, list rows,
 * dialog buttons — and every piece of text inside it must have
 *   text ≥ 24 CSS px (18 pt), a tap target ≥ 60 × 60 CSS px, contrast ≥ 4.5 : 1 with what is behind it.
 * Disabled controls are exempt from the contrast floor only (WCAG 1.4.3 exempts inactive components).
 */
import type { Page } from 'playwright-core';

export const FLOORS = { fontPx: 24, targetPx: 60, contrast: 4.5 };

export interface FloorFailure {
  /** a readable path to the element: tag#id.class */
  element: string;
  text: string;
  problem: string;
}

/**
 * `o.text`: a selector whose every piece of visible text is held to the text and contrast floors too,
 * interactive or not (e.g. a notice the person must read, such as the late review's).
 */
export async function elderFloorFailures(page: Page, o: { text?: string } = {}): Promise<FloorFailure[]> {
  return page.evaluate(({ floors, textScope }) => {
    const INTERACTIVE = [
      'button', 'a[href]', 'input:not([type="hidden"]):not([type="file"])', 'textarea', 'select',
      '[role="button"]', '[role="link"]', '[role="radio"]', '[role="checkbox"]', '[role="switch"]', '[role="tab"]', '[role="option"]',
      '.taro-model__btn', '.weui-picker__action', '.weui-picker__item',
    ].join(',');

    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    /** what is painted behind an element: its own and its ancestors' backgrounds, blended, over white */
    const backdrop = (el: Element): number[] => {
      const layers: number[][] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) {
          layers.push(c);
          if (c[3] >= 1) break;
        }
      }
      let out = [255, 255, 255];
      for (const [r, g, b, a] of layers.reverse()) out = [r * a + out[0] * (1 - a), g * a + out[1] * (1 - a), b * a + out[2] * (1 - a)];
      return out;
    };
    const opacity = (el: Element) => {
      let o = 1;
      for (let e: Element | null = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity || '1');
      return o;
    };
    const contrast = (el: Element): number => {
      const bg = backdrop(el);
      const [r, g, b, a] = parse(getComputedStyle(el).color);
      const o = a * opacity(el);
      const fg = [r * o + bg[0] * (1 - o), g * o + bg[1] * (1 - o), b * o + bg[2] * (1 - o)];
      const [l1, l2] = [lum(fg), lum(bg)].sort((x, y) => y - x);
      return (l1 + 0.05) / (l2 + 0.05);
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) return false;
      for (let e: Element | null = el; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.display === 'none' || s.visibility === 'hidden' || e.getAttribute('aria-hidden') === 'true') return false;
      }
      return true;
    };
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}`;
    const ownText = (el: Element) => Array.from(el.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent ?? '').join('').trim();

    const failures: { element: string; text: string; problem: string }[] = [];
    for (const el of Array.from(document.querySelectorAll(INTERACTIVE))) {
      if (!visible(el)) continue;
      // a control inside another (the real <input> inside taro-input-core) is measured once, as the outer one
      const outer = el.parentElement?.closest(INTERACTIVE);
      if (outer && visible(outer) && !['INPUT', 'TEXTAREA'].includes(el.tagName)) continue;
      const r = el.getBoundingClientRect();
      const label = ((el as HTMLElement).innerText || (el as HTMLInputElement).value || el.getAttribute('aria-label') || '').trim().slice(0, 30);
      // an input's target is its visible box (taro-input-core / the styled wrapper)
      const box = ['INPUT', 'TEXTAREA'].includes(el.tagName) && el.parentElement ? el.parentElement.getBoundingClientRect() : r;
      if (box.height < floors.targetPx - 0.5 || box.width < floors.targetPx - 0.5) failures.push({ element: name(el), text: label, problem: `target ${Math.round(box.width)}×${Math.round(box.height)} px < ${floors.targetPx}` });
      const disabled = el.getAttribute('aria-disabled') === 'true' || (el as HTMLButtonElement).disabled === true;
      const texts = [el, ...Array.from(el.querySelectorAll('*'))].filter((t) => visible(t) && (ownText(t) !== '' || ['INPUT', 'TEXTAREA'].includes(t.tagName)));
      for (const t of texts) {
        const size = parseFloat(getComputedStyle(t).fontSize);
        if (size < floors.fontPx - 0.05) failures.push({ element: name(t), text: (ownText(t) || label).slice(0, 30), problem: `text ${size.toFixed(1)} px < ${floors.fontPx}` });
        if (!disabled) {
          const c = contrast(t);
          if (c < floors.contrast) failures.push({ element: name(t), text: (ownText(t) || label).slice(0, 30), problem: `contrast ${c.toFixed(2)} < ${floors.contrast}` });
        }
      }
    }
    if (textScope) {
      for (const scope of Array.from(document.querySelectorAll(textScope))) {
        for (const t of [scope, ...Array.from(scope.querySelectorAll('*'))]) {
          if (!visible(t) || ownText(t) === '' || t.closest(INTERACTIVE)) continue; // controls are measured above
          const size = parseFloat(getComputedStyle(t).fontSize);
          if (size < floors.fontPx - 0.05) failures.push({ element: name(t), text: ownText(t).slice(0, 30), problem: `text ${size.toFixed(1)} px < ${floors.fontPx}` });
          const c = contrast(t);
          if (c < floors.contrast) failures.push({ element: name(t), text: ownText(t).slice(0, 30), problem: `contrast ${c.toFixed(2)} < ${floors.contrast}` });
        }
      }
    }
    return failures;
  }, { floors: FLOORS, textScope: o.text ?? null });
}
