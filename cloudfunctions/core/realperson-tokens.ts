/**
 * The server side of every 实人核验 check, whichever provider runs the face check (the local
 * simulation, WeChat 人脸核身): a check is started by the cloud for one openid and one claimed
 * person, and its token can be confirmed once, by that openid, before it expires. A token of another
 * openid, a used one or an old one is refused with a plain message and nothing of the person is read
 * or written (docs/identity.md "Tokens").
 */
import { ids } from './collections';
import type { StorePort } from './store.port';

/** How long a started check may be confirmed: a face check takes a minute or two. */
export const CHECK_TOKEN_TTL_MS = 10 * 60 * 1000;
/** How long a passed face check authorises submissions for that person (the client re-checks before each). */
export const PASS_VALID_MS = 30 * 60 * 1000;

export interface StartRecord {
  openid: string;
  /** keyed hash of the ID number (personKey) */
  idHash: string;
  name: string;
  /** the claimed ID number: the identity base is asked about it on confirm (sealed at rest) */
  idNumber: string;
  at: number;
  expiresAt: number;
  usedAt: number | null;
  provider: string;
}

export interface PassRecord {
  openid: string;
  idHash: string;
  name: string;
  at: number;
  token: string;
  provider: string;
}

export type TokenRefusal = 'unknown' | 'expired' | 'used';

/** What the citizen reads for each refusal. Unknown and foreign read alike: a token says nothing of others. */
export const TOKEN_REFUSAL_TEXT: Record<TokenRefusal, string> = {
  unknown: '核验凭据无效或不属于当前微信账号，请重新发起本人核验',
  expired: '本次核验已超时（超过10分钟），请重新发起本人核验',
  used: '该核验凭据已使用过，不能重复提交，请重新发起本人核验',
};

const startId = ids.realPersonStart;
const passId = ids.realPersonPass;

export async function recordStart(store: StorePort, token: string, rec: Omit<StartRecord, 'expiresAt' | 'usedAt'>): Promise<void> {
  await store.put('verifications', startId(token), { ...rec, expiresAt: rec.at + CHECK_TOKEN_TTL_MS, usedAt: null });
}

/**
 * Takes the token once: in one transaction, so two confirms of the same token (a replay racing the
 * real one) cannot both pass.
 */
export async function consumeStart(store: StorePort, openid: string, token: string, now: number): Promise<{ ok: true; start: StartRecord } | { ok: false; reason: TokenRefusal }> {
  return store.transaction(async (tx) => {
    const start = await tx.get<StartRecord>('verifications', startId(token));
    if (!start || start.openid !== openid) return { ok: false as const, reason: 'unknown' as const };
    if (start.usedAt !== null) return { ok: false as const, reason: 'used' as const };
    if (now > start.expiresAt) return { ok: false as const, reason: 'expired' as const };
    await tx.put('verifications', startId(token), { ...start, usedAt: now });
    return { ok: true as const, start };
  });
}

export async function recordPass(store: StorePort, start: StartRecord, token: string, at: number): Promise<void> {
  const pass: PassRecord = { openid: start.openid, idHash: start.idHash, name: start.name, at, token, provider: start.provider };
  await store.put('verifications', passId(start.openid, start.idHash), pass);
}

/** A pass of this openid for this person (same name), recent enough to act. */
export async function hasRecentPass(store: StorePort, openid: string, idHash: string, name: string, now: number): Promise<boolean> {
  const pass = await store.get<PassRecord>('verifications', passId(openid, idHash));
  return !!pass && pass.name === name && now - pass.at <= PASS_VALID_MS;
}

/** Where to go when the face check cannot pass (人脸识别技术应用安全管理办法 (2025) 第十条: 提供其他方式). */
export const COUNTER_ROUTE = '如果多次刷脸未通过，或您持港澳台居民居住证、来往内地（大陆）通行证，请携带本人证件到就近的公共就业服务窗口（区、县人力资源和社会保障局或街道、乡镇社区服务中心），由工作人员核验身份后办理：在“本人核验”页面点“到窗口核验”取得核验码，交给工作人员即可。';
