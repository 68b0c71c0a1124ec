/**
 * The production 实人核验 adapter (WeChat 人脸核身 2.0) against an in-process double of the three
 * documented endpoints (stable_token, getverifyid, queryverifyinfo — docs/identity.md): the server,
 * not the client, decides; the certificate digest is WeChat's; a token is one openid's, once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../cloudfunctions/adapters/store.sqlite';
import { certHash, wechatRealPerson, type HttpPost } from '../../cloudfunctions/adapters/realPerson.wechat';

test('cert_hash is WeChat’s documented example', () => {
  expect(certHash({ cert_type: 'IDENTITY_CARD', cert_name: '张三', cert_no: '310101199801011234' })).toBe('3c241f7ff324977aeb91f173bb2a7b06569e6fd784d5573db34a636d8671108b');
});

describe('wechatRealPerson', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jy-wx-'));
  const store = openSqliteStore({ dataDir: dir });
  afterAll(async () => { await store.close?.(); rmSync(dir, { recursive: true, force: true }); });
  let now = Date.parse('2026-07-01T10:00:00+08:00');
  const sessions = new Map<string, { out_seq_no: string; cert: { cert_type: string; cert_name: string; cert_no: string }; openid: string }>();
  let faceResult = 10000;
  const calls: string[] = [];
  const post: HttpPost = async (url, body) => {
    const b = body as Record<string, any>;
    const path = new URL(url).pathname;
    calls.push(path);
    if (path === '/cgi-bin/stable_token') return b.appid === 'wx-app' && b.secret === 'wx-secret' ? { access_token: 'AT', expires_in: 7200 } : { errcode: 40013 };
    if (!url.includes('access_token=AT')) return { errcode: 40001 };
    if (path === '/cityservice/face/identify/getverifyid') {
      const id = `v${sessions.size}`;
      sessions.set(id, { out_seq_no: b.out_seq_no, cert: b.cert_info, openid: b.openid });
      return { errcode: 0, verify_id: id, expires_in: 3600 };
    }
    if (path === '/cityservice/face/identify/queryverifyinfo') {
      const s = sessions.get(b.verify_id);
      // WeChat checks cert_info and openid: a mismatch answers an errcode, not a verify_ret
      if (!s || s.out_seq_no !== b.out_seq_no || certHash(s.cert) !== b.cert_hash || s.openid !== b.openid) return { errcode: 84001 };
      return { errcode: 0, verify_ret: faceResult };
    }
    return { errcode: -1 };
  };
  const rp = wechatRealPerson({ appId: 'wx-app', appSecret: 'wx-secret', baseUrl: 'https://api.weixin.qq.com' }, store, () => now, (id) => `pk-${id}`, post);
  const person = { name: '赵海涛', idNumber: '210204198806120019' };

  test('a passed face check, confirmed by queryVerifyInfo, records a pass for that openid and person only', async () => {
    const s = await rp.start('openid-1', person);
    expect(s).toMatchObject({ mode: 'wechat', verifyId: 'v0' });
    expect(sessions.get('v0')!.cert).toEqual({ cert_type: 'IDENTITY_CARD', cert_name: person.name, cert_no: person.idNumber });
    const c = await rp.confirm('openid-1', s.checkToken);
    expect(c).toMatchObject({ passed: true, name: person.name, idNumber: person.idNumber });
    expect(await rp.check('openid-1', person)).toMatchObject({ passed: true });
    expect(await rp.check('openid-2', person)).toMatchObject({ passed: false });
    expect(await rp.check('openid-1', { ...person, name: '钱春梅' })).toMatchObject({ passed: false });
    // the access token is cached
    expect(calls.filter((p) => p === '/cgi-bin/stable_token')).toHaveLength(1);
  });

  test('a failed or cancelled face check is not a pass, with a message the person can act on', async () => {
    faceResult = 90002;
    const s = await rp.start('openid-3', person);
    expect(await rp.confirm('openid-3', s.checkToken)).toMatchObject({ passed: false, detail: '您已取消刷脸' });
    faceResult = 90199;
    const t = await rp.start('openid-3', person);
    expect(await rp.confirm('openid-3', t.checkToken)).toMatchObject({ passed: false });
    expect(await rp.check('openid-3', person)).toMatchObject({ passed: false });
    faceResult = 10000;
  });

  test('another account’s token, a replay and an expired token are refused before WeChat is asked', async () => {
    const s = await rp.start('openid-4', person);
    const asked = calls.length;
    expect(await rp.confirm('openid-5', s.checkToken)).toMatchObject({ passed: false, refused: 'unknown' });
    expect(calls.length).toBe(asked);
    expect(await rp.confirm('openid-4', s.checkToken)).toMatchObject({ passed: true });
    expect(await rp.confirm('openid-4', s.checkToken)).toMatchObject({ passed: false, refused: 'used' });
    const late = await rp.start('openid-4', person);
    now += 11 * 60_000;
    expect(await rp.confirm('openid-4', late.checkToken)).toMatchObject({ passed: false, refused: 'expired' });
  });
});
