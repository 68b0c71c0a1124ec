/**
 * Production 实人核验 through Tencent Cloud FaceID (慧眼), with the Tencent Cloud SDK's common
 * client (tencentcloud-sdk-nodejs-common: the same SDK as tencentcloud-sdk-nodejs; FaceID has no
 * per-product package, and the full SDK is 62 MB).
 *   start:   DetectAuth(RuleId, IdCard, Name) → BizToken, Url; the mini-program runs the check
 *            with the BizToken (FaceID mini-program flow).
 *   confirm: GetDetectInfoEnhanced(BizToken, RuleId, InfoType "0") → Text.ErrCode 0 = passed, and
 *            the IdCard/Name the provider verified — only those are bound to the openid.
 *   check:   a pass for (openid, person) recorded by confirm within VALID_FOR_MS.
 * The client's word is never trusted: only the provider's answer, fetched here, records a pass.
 */
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import type { RealPersonPort } from '../core/deps';
import type { StorePort } from '../core/store.port';

export interface FaceIdConfig {
  secretId: string;
  secretKey: string;
  region?: string;
  ruleId: string;
  /** how long a passed check authorises submissions for that person */
  validForMs?: number;
}

interface StartRecord { openid: string; idHash: string; name: string; at: number }
interface PassRecord { openid: string; idHash: string; name: string; at: number; bizToken: string }

/** `personKey` is the deployment's keyed hash of an ID number (never the number in a doc id). */
export function faceIdRealPerson(cfg: FaceIdConfig, store: StorePort, now: () => number, personKey: (idNumber: string) => string): RealPersonPort {
  const hash = personKey;
  const client = new CommonClient('faceid.tencentcloudapi.com', '2018-03-01', {
    credential: { secretId: cfg.secretId, secretKey: cfg.secretKey },
    region: cfg.region ?? 'ap-guangzhou',
    profile: { httpProfile: { reqTimeout: 10 } },
  });
  const validFor = cfg.validForMs ?? 30 * 60 * 1000;
  return {
    async start(openid, person) {
      const res = (await client.request('DetectAuth', { RuleId: cfg.ruleId, IdCard: person.idNumber, Name: person.name })) as { BizToken: string; Url: string };
      const rec: StartRecord = { openid, idHash: hash(person.idNumber), name: person.name, at: now() };
      await store.put('verifications', `start:${res.BizToken}`, rec);
      return { mode: 'faceid', bizToken: res.BizToken, url: res.Url };
    },
    async confirm(openid, bizToken) {
      const started = await store.get<StartRecord>('verifications', `start:${bizToken}`);
      // A BizToken started by another openid cannot be claimed by this one.
      if (!started || started.openid !== openid) return { passed: false, detail: '核验记录不存在，请重新刷脸' };
      const res = (await client.request('GetDetectInfoEnhanced', { BizToken: bizToken, RuleId: cfg.ruleId, InfoType: '0' })) as {
        Text?: { ErrCode?: number | null; ErrMsg?: string | null; IdCard?: string | null; Name?: string | null };
      };
      const t = res.Text ?? {};
      const passed = t.ErrCode === 0 && !!t.IdCard && hash(t.IdCard.toUpperCase()) === started.idHash && t.Name === started.name;
      if (!passed) return { passed: false, detail: t.ErrMsg || '实人核验未通过，请本人重新刷脸' };
      const pass: PassRecord = { openid, idHash: started.idHash, name: started.name, at: now(), bizToken };
      await store.put('verifications', `pass:${openid}:${started.idHash}`, pass);
      return { passed: true, detail: '已通过人脸核验' };
    },
    async check(openid, person) {
      const pass = await store.get<PassRecord>('verifications', `pass:${openid}:${hash(person.idNumber)}`);
      if (!pass || pass.name !== person.name || now() - pass.at > validFor) return { passed: false, detail: '未完成实人核验' };
      return { passed: true, detail: '已通过人脸核验' };
    },
  };
}
