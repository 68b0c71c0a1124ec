/**
 * Renders one component of client/src/components the way the H5 build runs it, for the test beside it
 * (jest project `components`, jest.config.js): React 18 into jsdom, with `@tarojs/components` as Taro's
 * own H5 components (the `taro-view-core`, `taro-button-core`, `taro-input-core`… web components and
 * their React wrappers, @tarojs/components/lib/react) and `@tarojs/taro` as taro-h5. Nothing of Taro is
 * replaced: an element has the tag, id, class, role and aria-* the browser gets.
 *
 * What it covers: what a component shows (text, ids, roles, aria states) and what it does when tapped
 * or typed into, including its calls into services (storage is taro-h5's, on jsdom's localStorage).
 * What it does not: layout and CSS (jsdom draws nothing; stylesheets are left out), the weapp build
 * (the mini-program tests, test/mp, load the compiled pages), a real canvas, and Taro APIs that need
 * the app's router or a device (navigateTo, makePhoneCall, showModal…): a test that taps into one
 * replaces that API with a test double (`replaceTaroApi` below) and says so.
 */
import { act, type ReactElement } from 'react'
import * as TaroApis from '@tarojs/taro'
import definition from '@tarojs/plugin-platform-h5/dist/definition.json'

// react-dom's own types (@types/react-dom) are not installed: the two calls used here, typed by hand
interface Root {
  render: (ui: ReactElement) => void
  unmount: () => void
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createRoot } = require('react-dom/client') as { createRoot: (container: Element) => Root }

export interface Rendered {
  /** the element holding the component */
  container: HTMLElement
  /** the element with this id; fails the test when there is none */
  byId: (id: string) => HTMLElement
  /** the element with this id, or null */
  find: (id: string) => HTMLElement | null
  /** everything the component shows as text (of one element when given) */
  text: (id?: string) => string
  /** a tap: a click on the element (or the element with this id), then React's updates */
  tap: (target: string | HTMLElement) => Promise<void>
  /** types `value` into the input or textarea inside the element with this id, as a person does */
  type: (id: string, value: string) => Promise<void>
  /** the same root rendered with other props */
  rerender: (ui: ReactElement) => Promise<void>
  /** lets pending promises (a service's answer) and React's updates through */
  settle: () => Promise<void>
  unmount: () => void
}

const mounted = new Set<() => void>()

/**
 * Lets promises (a service's answer), timers of 0 ms and the web components' rendering run, inside
 * act(): Taro's H5 components render in animation frames (Stencil's write queue), so each round waits
 * for every component's `componentOnReady()` and one frame.
 */
async function flush(): Promise<void> {
  await act(async () => {
    for (let i = 0; i < 2; i++) {
      await new Promise((r) => setTimeout(r, 0))
      const components = Array.from(document.body.querySelectorAll('*')) as Array<Element & { componentOnReady?: () => Promise<unknown> }>
      await Promise.all(components.filter((e) => typeof e.componentOnReady === 'function').map((e) => e.componentOnReady!()))
      await new Promise((r) => requestAnimationFrame(() => r(undefined)))
    }
  })
}

export async function render(ui: ReactElement): Promise<Rendered> {
  const container = document.createElement('div')
  document.body.appendChild(container)
  let root: Root | undefined
  await act(async () => {
    root = createRoot(container)
    root.render(ui)
  })
  await flush()
  const find = (id: string) => container.querySelector<HTMLElement>(`[id="${id}"]`) ?? document.getElementById(id)
  const byId = (id: string) => {
    const el = find(id)
    if (!el) throw new Error(`no element with id "${id}" in:\n${container.innerHTML}`)
    return el
  }
  const unmount = () => {
    act(() => root?.unmount())
    container.remove()
    mounted.delete(unmount)
  }
  mounted.add(unmount)
  return {
    container,
    byId,
    find,
    text: (id) => ((id ? byId(id) : container).textContent ?? '').replace(/\s+/g, ' ').trim(),
    tap: async (target) => {
      const el = typeof target === 'string' ? byId(target) : target
      await act(async () => {
        el.click()
      })
      await flush()
    },
    type: async (id, value) => {
      const host = byId(id)
      const field = host.matches('input, textarea') ? (host as HTMLInputElement) : host.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea')
      if (!field) throw new Error(`no input inside "${id}"`)
      await act(async () => {
        field.value = value
        field.dispatchEvent(new Event('input', { bubbles: true }))
      })
      await flush()
    },
    rerender: async (next) => {
      await act(async () => root?.render(next))
      await flush()
    },
    settle: flush,
    unmount,
  }
}

/** After each test: its components taken down, storage emptied and test doubles undone, so the next starts afresh. */
afterEach(() => {
  for (const unmount of [...mounted]) unmount()
  localStorage.clear()
  jest.restoreAllMocks()
})

/**
 * A test double for one Taro API, where the component's compiled code reaches it: the H5 build turns
 * `Taro.x(…)` into the API library's own export `x` when the platform lists it (definition.json), and
 * leaves it on the Taro object otherwise (navigateTo, getCurrentInstance…). The double answers
 * `answer` (a resolved promise, as the real API's success); jest restores it with `mockRestore`.
 */
export function replaceTaroApi(name: string, answer: unknown = { errMsg: `${name}:ok` }): jest.SpyInstance {
  const own = name in (definition as { apis: Record<string, unknown> }).apis
  const holder = (own ? TaroApis : (TaroApis as unknown as { default: object }).default) as Record<string, () => unknown>
  return jest.spyOn(holder, name).mockImplementation(() => Promise.resolve(answer))
}
