/**
 * Production 实人核验: WeChat 人脸核身 2.0 for government mini-programs, run inside the mini-program
 * (no web-view: a web-view loads only the mini-program's own business domains, so a provider's H5
 * page would not open). docs/identity.md explains the choice and the configuration.
 *   start:   POST /cityservice/face/identify/getverifyid {out_seq_no, cert_info{cert_type, cert_name,
 *            cert_no}, openid} → verify_id; the mini-program calls wx.requestFacialVerify({verifyId}).
 *   confirm: POST /cityservice/face/identify/queryverifyinfo {verify_id, out_seq_no, cert_hash, openid}
 *            → errcode 0 and verify_ret 10000 = passed. WeChat itself checks that cert_hash and openid
 *            are those the check was started with, so a verifyId cannot be reused for another person
 *            or another account; we check the same on our side first (core/realperson-tokens.ts).
 * The client's word is never taken: wx.requestFacialVerify's success only means "done"; the result
 * is what queryVerifyInfo answers here.
 * access_token: POST /cgi-bin/stable_token (client_credential) with the mini-program's AppID and
 * AppSecret, cached until 5 minutes before it expires.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CheckStart, RealPersonPort } from '../core/deps';
import { consumeStart, hasRecentPass, recordPass, recordStart, TOKEN_REFUSAL_TEXT, type StartRecord } from '../core/realperson-tokens';
import type { StorePort } from '../core/store.port';

export interface WechatFaceConfig {
  appId: string;
  appSecret: string;
  /** https://api.weixin.qq.com (tests point it at a local server) */
  baseUrl?: string;
  timeoutMs?: number;
}

export type HttpPost = (url: string, body: unknown, timeoutMs: number) => Promise<unknown>;

const defaultPost: HttpPost = async (url, body, timeoutMs) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs) });
  return res.json();
};

/** WeChat's digest of the certificate the check was started with (queryVerifyInfo 注意事项). */
export function certHash(cert: { cert_type: string; cert_name: string; cert_no: string }): string {
  const b = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  return createHash('sha256').update(`cert_type=${b(cert.cert_type)}&cert_name=${b(cert.cert_name)}&cert_no=${b(cert.cert_no)}`).digest('hex');
}

/** The verify_ret values that mean "try again" rather than "not this person" (queryVerifyInfo 枚举). */
const RETRY_TEXT: Record<number, string> = {
  90001: '您的手机不支持人脸核验，请到窗口办理', 90109: '您的手机不支持人脸核验，请到窗口办理',
  90002: '您已取消刷脸', 90003: '您已取消刷脸', 90004: '您已取消刷脸', 90005: '您已取消刷脸', 90006: '您已取消刷脸',
  90007: '网络错误，请重试', 90012: '网络错误，请重试',
  90008: '请允许使用摄像头后重试', 90009: '请允许使用麦克风后重试', 90010: '请允许使用摄像头和麦克风后重试',
  90017: '识别超时，请重试', 90107: '识别超时，请重试',
};

interface WechatStart extends StartRecord { verifyId: string; outSeqNo: string }

export function wechatRealPerson(cfg: WechatFaceConfig, store: StorePort, now: () => number, personKey: (idNumber: string) => string, post: HttpPost = defaultPost): RealPersonPort {
  const base = cfg.baseUrl ?? 'https://api.weixin.qq.com';
  const timeout = cfg.timeoutMs ?? 5000;
  let token: { value: string; until: number } | null = null;

  async function accessToken(): Promise<string> {
    if (token && now() < token.until) return token.value;
    const r = (await post(`${base}/cgi-bin/stable_token`, { grant_type: 'client_credential', appid: cfg.appId, secret: cfg.appSecret }, timeout)) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!r.access_token) throw new Error(`stable_token errcode ${r.errcode ?? 'none'}`);
    token = { value: r.access_token, until: now() + Math.max(60, (r.expires_in ?? 7200) - 300) * 1000 };
    return token.value;
  }

  const cert = (s: { name: string; idNumber: string }) => ({ cert_type: 'IDENTITY_CARD', cert_name: s.name, cert_no: s.idNumber });

  return {
    async start(openid, person): Promise<CheckStart> {
      const outSeqNo = randomBytes(12).toString('hex'); // 24 chars of [0-9a-f]: within WeChat's 5–32 [A-Za-z0-9_-]
      const r = (await post(`${base}/cityservice/face/identify/getverifyid?access_token=${await accessToken()}`, { out_seq_no: outSeqNo, cert_info: cert(person), openid }, timeout)) as { errcode?: number; verify_id?: string };
      if (r.errcode !== 0 || !r.verify_id) throw new Error(`getverifyid errcode ${r.errcode ?? 'none'}`);
      const checkToken = randomBytes(24).toString('base64url');
      const rec = { openid, idHash: personKey(person.idNumber), name: person.name, idNumber: person.idNumber, at: now(), provider: 'wechat', verifyId: r.verify_id, outSeqNo };
      await recordStart(store, checkToken, rec);
      return { mode: 'wechat', checkToken, verifyId: r.verify_id };
    },
    async confirm(openid, checkToken) {
      const t = now();
      const taken = await consumeStart(store, openid, checkToken, t);
      if (!taken.ok) return { passed: false, detail: TOKEN_REFUSAL_TEXT[taken.reason], refused: taken.reason };
      const start = taken.start as WechatStart;
      const r = (await post(`${base}/cityservice/face/identify/queryverifyinfo?access_token=${await accessToken()}`, {
        verify_id: start.verifyId, out_seq_no: start.outSeqNo, cert_hash: certHash(cert(start)), openid,
      }, timeout)) as { errcode?: number; verify_ret?: number };
      if (r.errcode !== 0 || r.verify_ret !== 10000) {
        return { passed: false, detail: (r.verify_ret !== undefined && RETRY_TEXT[r.verify_ret]) || '人脸与证件照片比对未通过' };
      }
      await recordPass(store, start, checkToken, t);
      return { passed: true, detail: '已通过微信人脸核身', name: start.name, idNumber: start.idNumber };
    },
    async check(openid, person) {
      const passed = await hasRecentPass(store, openid, personKey(person.idNumber), person.name, now());
      return passed ? { passed, detail: '已通过人脸核验' } : { passed, detail: '未完成本人实人核验' };
    },
  };
}
