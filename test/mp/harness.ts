/**
 * Runs Taro's compiled weapp pages (client/dist/weapp) in miniprogram-simulate (docs/toolchain.md
 * "Tests"): define App/getApp/getCurrentPages, turn `Page` into `Component`, load app.js, then
 * load and render a page. `wx.cloud.callFunction` is routed to the real cloud handlers (dispatch)
 * on a local runtime, so the page talks to the same code the CloudBase functions run.
 */
import { resolve } from 'node:path';

export const WEAPP = process.env.WEAPP_DIR ? resolve(process.env.WEAPP_DIR) : resolve(__dirname, '../../client/dist/weapp');

type AnyFn = (...args: any[]) => any;

export interface CloudCall { name: string; data: { action: string; input: unknown } }

export function installGlobals(callFunction: (call: CloudCall) => Promise<unknown>) {
  const g = global as any;
  let app: any = null;
  const pages: any[] = [];
  g.App = (opts: any) => { app = opts; };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.Page = (opts: any) => {
    const methods: Record<string, AnyFn> = {};
    const data = opts.data ?? {};
    for (const [k, v] of Object.entries(opts)) if (typeof v === 'function') methods[k] = v as AnyFn;
    g.Component({
      data,
      methods,
      lifetimes: {
        attached(this: any) {
          this.route = 'pages/x/index';
          pages.push(this);
          methods.onLoad?.call(this, {});
          methods.onShow?.call(this);
        },
        ready(this: any) { methods.onReady?.call(this); },
        detached(this: any) { methods.onUnload?.call(this); pages.splice(pages.indexOf(this), 1); },
      },
    });
  };
  const storage = new Map<string, unknown>();
  const wx = g.wx;
  Object.assign(wx, {
    cloud: {
      init() {},
      DYNAMIC_CURRENT_ENV: Symbol('env'),
      callFunction(opts: { name: string; data: any; success?: AnyFn; fail?: AnyFn; complete?: AnyFn }) {
        const p = callFunction({ name: opts.name, data: opts.data }).then((result) => ({ result, errMsg: 'cloud.callFunction:ok' }));
        p.then((r) => { opts.success?.(r); opts.complete?.(r); }, (e) => { opts.fail?.(e); opts.complete?.(e); });
        return p;
      },
    },
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => { storage.set(k, v); },
    removeStorageSync: (k: string) => { storage.delete(k); },
    getStorageInfoSync: () => ({ keys: [...storage.keys()], currentSize: 0, limitSize: 10240 }),
    getStorage: ({ key, success, fail }: any) => (storage.has(key) ? success?.({ data: storage.get(key) }) : fail?.({ errMsg: 'getStorage:fail data not found' })),
    setStorage: ({ key, data, success }: any) => { storage.set(key, data); success?.({}); },
    removeStorage: ({ key, success }: any) => { storage.delete(key); success?.({}); },
    getNetworkType: ({ success }: any) => success?.({ networkType: 'wifi' }),
    onNetworkStatusChange: () => {},
    offNetworkStatusChange: () => {},
    showToast: () => {}, hideToast: () => {}, showLoading: () => {}, hideLoading: () => {},
    showModal: ({ success }: any) => success?.({ confirm: true, cancel: false }),
    navigateTo: ({ success }: any) => success?.({}), redirectTo: ({ success }: any) => success?.({}),
    switchTab: ({ success }: any) => success?.({}), navigateBack: ({ success }: any) => success?.({}), reLaunch: ({ success }: any) => success?.({}),
    pageScrollTo: () => {}, stopPullDownRefresh: () => {}, setNavigationBarTitle: () => {},
    requestSubscribeMessage: ({ success }: any) => success?.({}),
    // miniprogram-simulate renders no canvas: a query finds no node (the signature pad stays empty,
    // which the form allows — the signature is optional).
    createSelectorQuery: () => {
      const query: any = {
        in: () => query,
        select: () => ({ fields: () => query, boundingClientRect: () => query, node: () => query }),
        selectAll: () => ({ fields: () => query, boundingClientRect: () => query }),
        selectViewport: () => ({ scrollOffset: () => query }),
        exec: (cb?: (res: unknown[]) => void) => cb?.([null]),
      };
      return query;
    },
    getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2, platform: 'devtools', SDKVersion: '3.4.0' }),
  });
  return { storage };
}
