import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v1Signature, v1StringToSign } from '../api/protocol/signature-v1';
import { signRequest } from './signing';
import type { Variant } from './target';
import { startVerifyingServer, type VerifyingServer } from './testing/verifying-server';
import { type ClosableTransport, undiciTransport } from './transport';

const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('signRequest against the documented vectors', () => {
  it('V1 GET reproduces the documented signature, strictly encoded in the query', () => {
    const req = signRequest({
      action: 'DescribeRegions',
      version: '2014-05-26',
      params: {},
      variant: { method: 'GET', format: 'XML', signature: 'v1', paramsIn: 'query' },
      credentials: { accessKeyId: 'testid', accessKeySecret: 'testsecret' },
      origin: 'https://ecs.aliyuncs.com',
      now: Date.parse('2016-02-23T12:46:24Z'),
      nonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
    });
    expect(req.url).toContain('&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D');
    expect(
      req.url.startsWith('https://ecs.aliyuncs.com/?AccessKeyId=testid&Action=DescribeRegions&Format=XML'),
    ).toBe(true);
    expect(req.body).toBe('');
    expect(req.headers.accept).toBe('application/xml');
  });

  it('V3 reproduces the documented Authorization signature and signs exactly the x-acs headers and host', () => {
    const req = signRequest({
      action: 'RunInstances',
      version: '2014-05-26',
      params: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
      variant: { method: 'POST', format: 'JSON', signature: 'v3', paramsIn: 'query' },
      credentials: { accessKeyId: 'YourAccessKeyId', accessKeySecret: 'YourAccessKeySecret' },
      origin: 'https://ecs.cn-shanghai.aliyuncs.com',
      now: Date.parse('2023-10-26T10:22:32Z'),
      nonce: '3156853299f313e23d1673dc12e1703d',
    });
    expect(req.headers.authorization).toBe(
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0',
    );
    expect(req.body).toBe('');
    expect(query(req.url)).toEqual({
      ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd',
      RegionId: 'cn-shanghai',
    });
  });

  it('V1 split POST signs the union of query and body with the spec verifier', () => {
    const req = signRequest({
      action: 'StartDiskReplicaPair',
      version: '2021-07-30',
      params: { RegionId: 'cn-hangzhou', ReplicaPairId: 'pair-1', ClientToken: 'tok 1' },
      variant: { method: 'POST', format: 'JSON', signature: 'v1', paramsIn: 'split' },
      credentials: { accessKeyId: 'testAccessKeyId', accessKeySecret: 's3cr3t' },
      origin: 'http://127.0.0.1:1',
      now: 0,
      nonce: 'n1',
    });
    const q = query(req.url);
    const b = Object.fromEntries(new URLSearchParams(req.body));
    expect(Object.keys(b).sort()).toEqual(['ClientToken', 'RegionId', 'ReplicaPairId']);
    expect(q.Action).toBe('StartDiskReplicaPair');
    expect(req.body).toContain('ClientToken=tok%201');
    const { Signature, ...signed } = { ...q, ...b };
    expect(Signature).toBe(v1Signature('s3cr3t', v1StringToSign('POST', signed)));
  });

  it('a GET never carries a body, whatever placement was asked for', () => {
    const req = signRequest({
      action: 'X',
      version: '2021-07-30',
      params: { A: '1' },
      variant: { method: 'GET', format: 'JSON', signature: 'v3', paramsIn: 'body' },
      credentials: { accessKeyId: 'id', accessKeySecret: 's' },
      origin: 'http://h',
      now: 0,
      nonce: 'n',
    });
    expect(req.body).toBe('');
    expect(query(req.url)).toEqual({ A: '1' });
  });
});

describe('signed requests verified by an independent server over real sockets', () => {
  const secret = 'sekr*t/+=&é';
  let server: VerifyingServer;
  let transport: ClosableTransport;
  beforeAll(async () => {
    server = await startVerifyingServer(secret);
    transport = undiciTransport();
  });
  afterAll(async () => {
    await transport.close();
    await server.close();
  });

  // Values that stress the encoding: space, reserved and sub-delims, non-ASCII, a flattened list.
  const params = {
    RegionId: 'cn-hangzhou',
    Description: "a b+c&d=é*'!()~",
    'Tag.1.Key': 'k 1',
    'Tag.1.Value': 'v/ä',
  };
  const variants: Variant[] = [];
  for (const signature of ['v1', 'v3'] as const)
    for (const method of ['GET', 'POST'] as const)
      for (const paramsIn of ['query', 'body', 'split'] as const)
        if (method === 'POST' || paramsIn === 'query')
          variants.push({ method, signature, paramsIn, format: 'JSON' });

  for (const securityToken of [undefined, 'sts/token+=']) {
    for (const v of variants) {
      it(`${v.signature} ${v.method} ${v.paramsIn}${securityToken ? ' with STS' : ''}`, async () => {
        const req = signRequest({
          action: 'DescribeDiskReplicaPairs',
          version: '2021-07-30',
          params,
          variant: v,
          credentials: { accessKeyId: 'testAccessKeyId', accessKeySecret: secret, securityToken },
          origin: server.origin,
          now: Date.now(),
          nonce: `n-${Math.random()}`,
        });
        const res = await transport(req);
        const got = server.received.at(-1);
        expect(got?.signature).toBe(v.signature);
        expect(got?.verified).toBe(true);
        expect(res.status).toBe(200);
        expect(got?.params).toMatchObject(params);
        if (securityToken && v.signature === 'v1') expect(got?.params.SecurityToken).toBe(securityToken);
        if (securityToken && v.signature === 'v3')
          expect(got?.headers['x-acs-security-token']).toBe(securityToken);
      });
    }
  }

  it('a wrong secret is refused by the verifier (the check can fail)', async () => {
    const req = signRequest({
      action: 'DescribeDiskReplicaPairs',
      version: '2021-07-30',
      params,
      variant: { method: 'POST', format: 'JSON', signature: 'v3', paramsIn: 'body' },
      credentials: { accessKeyId: 'testAccessKeyId', accessKeySecret: 'other' },
      origin: server.origin,
      now: Date.now(),
      nonce: 'n',
    });
    expect((await transport(req)).status).toBe(400);
    expect(server.received.at(-1)?.verified).toBe(false);
  });
});
