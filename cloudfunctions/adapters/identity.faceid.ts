/**
 * Production identity two-factor check (name + ID number) through Tencent Cloud FaceID
 * `IdCardVerification` (tencentcloud-sdk-nodejs-common's CommonClient — the same SDK; FaceID has
 * no per-product package). Result "0" = 一致; "-1" = 不一致; "-2" = 非法身份证号; other codes
 * mean the source could not answer → unavailable (the application goes to review).
 */
import { CommonClient } from 'tencentcloud-sdk-nodejs-common';
import type { GovDataPort } from '../core/deps';

export interface FaceIdIdentityConfig {
  secretId: string;
  secretKey: string;
  region?: string;
  timeoutSeconds?: number;
}

type Requester = { request(action: string, req: unknown): Promise<unknown> };

export function faceIdIdentity(cfg: FaceIdIdentityConfig, client?: Requester): GovDataPort['identity'] {
  const c: Requester = client ?? new CommonClient('faceid.tencentcloudapi.com', '2018-03-01', {
    credential: { secretId: cfg.secretId, secretKey: cfg.secretKey },
    region: cfg.region ?? 'ap-guangzhou',
    profile: { httpProfile: { reqTimeout: cfg.timeoutSeconds ?? 2 } },
  });
  return async (idNumber, name) => {
    try {
      const res = (await c.request('IdCardVerification', { IdCard: idNumber, Name: name })) as { Result?: string; Description?: string };
      if (res.Result === '0') return { available: true, value: { matched: true } };
      if (res.Result === '-1') return { available: true, value: { matched: false, detail: '姓名与身份证号码不一致' } };
      if (res.Result === '-2') return { available: true, value: { matched: false, detail: '身份证号码在公安库中不存在' } };
      return { available: false, reason: `faceid ${res.Result ?? 'unknown'}` };
    } catch {
      return { available: false, reason: 'faceid error' };
    }
  };
}

export function combinedGovData(identity: GovDataPort['identity'], rest: Omit<GovDataPort, 'identity'>): GovDataPort {
  return { identity, ...rest };
}
