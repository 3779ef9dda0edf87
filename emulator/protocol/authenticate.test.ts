import { describe, expect, it } from 'vitest';
import { DEFAULT_STS_CREDENTIAL } from './config';
import { expectError, NOW, START, setup } from './gateway-fixture';
import { signV1, signV3, type V1Layout } from './test-client';

describe('signature V1 (HMAC-SHA1)', () => {
  const layouts: V1Layout[] = ['query', 'body', 'split', 'node-query'];
  for (const layout of layouts) {
    it(`accepts a correctly signed request laid out as ${layout}`, async () => {
      const { call, service } = setup();
      const params = { ...START.params, RegionId: 'région é', ClientToken: "tok *!'()~ +&=%" };
      const { res, json } = await call(signV1({ ...START, params, layout, now: NOW, format: 'JSON' }));
      expect(res.status).toBe(200);
      expect(json.Echo).toMatchObject({
        RegionId: params.RegionId,
        ClientToken: params.ClientToken,
        OneShot: true,
      });
      expect(service.calls[0]?.accessKeyId).toBe('testAccessKeyId');
    });
  }

  it('refuses a wrong secret with SignatureDoesNotMatch and the server string to sign', async () => {
    const { call } = setup();
    const credential = { accessKeyId: 'testAccessKeyId', accessKeySecret: 'wrong' };
    const r = await call(signV1({ ...START, credential, now: NOW, format: 'JSON' }));
    expectError(r, 400, 'SignatureDoesNotMatch');
    expect(r.json.Message).toMatch(/ server string to sign is:GET&%2F&AccessKeyId%3DtestAccessKeyId%26/);
    expect(r.json.Message).not.toContain('testAccessKeySecret');
  });

  it('refuses a tampered parameter, an unknown key and a missing signature', async () => {
    const { call } = setup();
    const signed = signV1({ ...START, now: NOW });
    expectError(
      await call({ ...signed, url: signed.url.replace('pair-1', 'pair-2') }),
      400,
      'SignatureDoesNotMatch',
    );
    const unknown = { accessKeyId: 'nobody', accessKeySecret: 'x' };
    expectError(
      await call(signV1({ ...START, credential: unknown, now: NOW })),
      404,
      'InvalidAccessKeyId.NotFound',
    );
    const unsigned = { ...signed, url: signed.url.replace(/&Signature=[^&]*/, '') };
    expectError(await call(unsigned), 400, 'IncompleteSignature');
  });

  it('refuses a timestamp more than the window away, either way, and a malformed one', async () => {
    const { call } = setup();
    const minute = 60_000;
    expect((await call(signV1({ ...START, now: NOW - 14 * minute }))).res.status).toBe(200);
    expectError(await call(signV1({ ...START, now: NOW - 16 * minute })), 400, 'InvalidTimeStamp.Expired');
    expectError(await call(signV1({ ...START, now: NOW + 16 * minute })), 400, 'InvalidTimeStamp.Expired');
    const bad = signV1({ ...START, now: NOW, common: { Timestamp: '2026-01-01 00:00:00' } });
    expectError(await call(bad), 400, 'InvalidTimeStamp.Format');
  });

  it('refuses a replayed nonce for the same key, and accepts it for another key', async () => {
    const { call } = setup();
    const first = signV1({ ...START, now: NOW, nonce: 'n-1' });
    expect((await call(first)).res.status).toBe(200);
    expectError(await call(signV1({ ...START, now: NOW, nonce: 'n-1' })), 400, 'SignatureNonceUsed');
    const sts = signV1({ ...START, now: NOW, nonce: 'n-1', credential: DEFAULT_STS_CREDENTIAL });
    expect((await call(sts)).res.status).toBe(200);
  });

  it('forgets nonces once they can no longer pass the timestamp check', async () => {
    let now = NOW;
    const { call } = setup({ now: () => now, timestampWindowMs: 1000 });
    expect((await call(signV1({ ...START, now, nonce: 'n' }))).res.status).toBe(200);
    now += 2001;
    expect((await call(signV1({ ...START, now, nonce: 'n' }))).res.status).toBe(200);
  });

  it('requires the STS token of an STS key, and only that token', async () => {
    const { call } = setup();
    expect((await call(signV1({ ...START, now: NOW, credential: DEFAULT_STS_CREDENTIAL }))).res.status).toBe(
      200,
    );
    const noToken = { ...DEFAULT_STS_CREDENTIAL, securityToken: undefined };
    const wrongToken = { ...DEFAULT_STS_CREDENTIAL, securityToken: 'other' };
    for (const credential of [noToken, wrongToken]) {
      const r = await call(signV1({ ...START, now: NOW, credential }));
      expectError(r, 400, 'InvalidSecurityToken.MismatchWithAccessKey');
      expect(r.json.Message).not.toContain('testSecurityToken');
    }
  });

  it('refuses another signature method', async () => {
    const { call } = setup();
    const r = await call(signV1({ ...START, now: NOW, common: { SignatureMethod: 'HMAC-SHA256' } }));
    expectError(r, 400, 'UnsupportedSignatureMethod');
  });
});

describe('signature V3 (ACS3-HMAC-SHA256)', () => {
  it('accepts parameters in the query (POST and GET) and in a form body, and answers JSON', async () => {
    const { call } = setup();
    for (const req of [
      signV3({ ...START, now: NOW }),
      signV3({ ...START, now: NOW, method: 'GET' }),
      signV3({ ...START, now: NOW, inBody: true }),
      signV3({ ...START, now: NOW, credential: DEFAULT_STS_CREDENTIAL }),
      signV3({ ...START, now: NOW, headers: { 'x-acs-credentials-provider': 'static_ak' } }),
    ]) {
      const { res, json } = await call(req);
      expect(res.status).toBe(200);
      expect(json.Echo.ReplicaPairId).toBe('pair-1');
    }
  });

  it('refuses a wrong secret, a changed body, and a header left out of SignedHeaders', async () => {
    const { call } = setup();
    const wrong = await call(
      signV3({ ...START, now: NOW, credential: { accessKeyId: 'testAccessKeyId', accessKeySecret: 'x' } }),
    );
    expectError(wrong, 400, 'SignatureDoesNotMatch');
    expect(wrong.json.Message).toMatch(/ server string to sign is:ACS3-HMAC-SHA256\n[0-9a-f]{64}$/);
    const signed = signV3({ ...START, now: NOW, inBody: true });
    expectError(await call({ ...signed, body: `${signed.body}&x=1` }), 400, 'SignatureDoesNotMatch');
    const auth = String(signed.headers.authorization).replace('x-acs-action;', '');
    expectError(
      await call({ ...signed, headers: { ...signed.headers, authorization: auth } }),
      400,
      'IncompleteSignature',
    );
  });

  it('checks x-acs-date and the nonce like V1', async () => {
    const { call } = setup();
    expectError(await call(signV3({ ...START, now: NOW - 20 * 60_000 })), 400, 'InvalidTimeStamp.Expired');
    expect((await call(signV3({ ...START, now: NOW, nonce: 'v3' }))).res.status).toBe(200);
    expectError(await call(signV3({ ...START, now: NOW, nonce: 'v3' })), 400, 'SignatureNonceUsed');
  });

  it('refuses another algorithm', async () => {
    const { call } = setup();
    const signed = signV3({ ...START, now: NOW });
    const auth = String(signed.headers.authorization).replace('ACS3-HMAC-SHA256', 'ACS3-HMAC-SM3');
    expectError(
      await call({ ...signed, headers: { ...signed.headers, authorization: auth } }),
      400,
      'UnsupportedSignatureMethod',
    );
  });
});
