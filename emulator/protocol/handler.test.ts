import { describe, expect, it } from 'vitest';
import { ServiceError } from '../service/api';
import { EBS, expectError, NOW, START, setup } from './gateway-fixture';
import { signV1, signV3 } from './test-client';

describe('routing', () => {
  it('answers InvalidApi.NotFound for an unknown action and InvalidVersion for an unknown version', async () => {
    const { call } = setup();
    expectError(
      await call(signV1({ ...START, action: 'NoSuchAction', now: NOW })),
      404,
      'InvalidApi.NotFound',
    );
    expectError(await call(signV1({ ...START, version: '2099-01-01', now: NOW })), 400, 'InvalidVersion');
    expectError(
      await call(signV3({ ...START, version: '2014-05-26', now: NOW })),
      404,
      'InvalidApi.NotFound',
    );
    expectError(await call(signV1({ ...START, version: '__proto__', now: NOW })), 400, 'InvalidVersion');
  });

  it('refuses methods other than GET and POST, and paths other than /', async () => {
    const { call } = setup();
    const signed = signV1({ ...START, now: NOW });
    expectError(await call({ ...signed, method: 'PUT' }), 403, 'UnsupportedHTTPMethod');
    expectError(
      await call({ ...signed, url: signed.url.replace('/?', '/other?') }),
      404,
      'InvalidApi.NotFound',
    );
  });

  it('refuses text no encoder can carry (a lone surrogate from an in-process caller) as a client error', async () => {
    const { call } = setup();
    const signed = signV1({ ...START, now: NOW, format: 'JSON' });
    const r = await call({ ...signed, url: `${signed.url}&RegionId=cn-\uD800` });
    expectError(r, 400, 'InvalidParameter');
  });

  it('routes whatever the Host header says, and accepts an absolute URL', async () => {
    const { call } = setup();
    const signed = signV1({ ...START, now: NOW, host: 'ecs.cn-beijing.aliyuncs.com', format: 'JSON' });
    const r = await call({ ...signed, url: `http://ecs.cn-beijing.aliyuncs.com${signed.url}` });
    expect(r.res.status).toBe(200);
  });
});

describe('validation', () => {
  it('names a missing required parameter with MissingParameter', async () => {
    const { call, service } = setup();
    const r = await call(signV1({ ...EBS, params: { RegionId: 'cn-hangzhou' }, now: NOW }));
    expectError(r, 400, 'MissingParameter');
    expect(r.json.Message).toContain('"ReplicaPairId"');
    expect(service.calls).toHaveLength(0);
  });

  it('names a malformed value with InvalidParameter', async () => {
    const { call } = setup();
    const r = await call(signV1({ ...EBS, params: { ...START.params, OneShot: 'maybe' }, now: NOW }));
    expectError(r, 400, 'InvalidParameter');
    expect(r.json.Message).toContain('"OneShot"');
    const long = await call(
      signV1({ ...EBS, params: { ...START.params, ClientToken: 'x'.repeat(65) }, now: NOW }),
    );
    expect(long.json.Message).toContain('"ClientToken"');
  });

  it('hands the service typed parameters without the common ones', async () => {
    const { call, service } = setup();
    await call(
      signV1({
        ...START,
        now: NOW,
        format: 'JSON',
        params: { ...START.params, 'Tag.1.Key': 'k', 'Tag.1.Value': 'v' },
      }),
    );
    expect(service.calls[0]?.params).toEqual({
      RegionId: 'cn-hangzhou',
      ReplicaPairId: 'pair-1',
      OneShot: true,
      Tag: [{ Key: 'k', Value: 'v' }],
    });
  });
});

describe('encoding', () => {
  it('answers XML when a V1 call names no Format, and JSON errors unless XML was asked', async () => {
    const { call } = setup();
    const ok = await call(signV1({ ...START, now: NOW }));
    expect(ok.res.headers['content-type']).toBe('text/xml;charset=utf-8');
    expect(ok.res.body).toMatch(
      /^<\?xml[^>]*\?><StartDiskReplicaPairResponse><RequestId>[0-9A-F-]{36}<\/RequestId><Echo>/,
    );
    const noFormat = await call(signV1({ ...START, action: 'Nope', now: NOW }));
    expect(noFormat.json.Code).toBe('InvalidApi.NotFound');
    const xml = await call(signV1({ ...START, action: 'Nope', now: NOW, format: 'xml' }));
    expect(xml.res.headers['content-type']).toBe('text/xml;charset=utf-8');
    expect(xml.res.body).toMatch(
      /<Error><RequestId>[^<]+<\/RequestId><HostId>127.0.0.1<\/HostId><Code>InvalidApi.NotFound<\/Code><Message>/,
    );
  });

  it('renders arrays as repeated elements, escapes text, and drops a Code field from a success', async () => {
    const { call, service } = setup();
    service.scripted.set('StartDiskReplicaPair', () => ({
      Code: 'leak',
      ReplicaPairs: [{ ReplicaPairId: 'p<1>' }, { ReplicaPairId: 'p&2' }],
      Disks: { Disk: [{ DiskId: 'd-1' }, { DiskId: 'd-2' }] },
    }));
    const xml = await call(signV1({ ...START, now: NOW, format: 'XML' }));
    expect(xml.res.body).toContain(
      '<ReplicaPairs><ReplicaPairId>p&lt;1&gt;</ReplicaPairId></ReplicaPairs><ReplicaPairs><ReplicaPairId>p&amp;2</ReplicaPairId></ReplicaPairs>',
    );
    expect(xml.res.body).toContain(
      '<Disks><Disk><DiskId>d-1</DiskId></Disk><Disk><DiskId>d-2</DiskId></Disk></Disks>',
    );
    const json = await call(signV1({ ...START, now: NOW, format: 'JSON' }));
    expect(Object.keys(json.json)).toEqual(['RequestId', 'ReplicaPairs', 'Disks']);
    expect(json.res.headers['x-acs-request-id']).toBe(json.json.RequestId);
  });

  it('uses the status a ServiceError carries, else the catalogue', async () => {
    const { call, service } = setup();
    service.scripted.set('StartDiskReplicaPair', () => {
      throw new ServiceError('OperationDenied.InvalidStatus');
    });
    expectError(await call(signV1({ ...START, now: NOW })), 403, 'OperationDenied.InvalidStatus');
    service.scripted.set('StartDiskReplicaPair', () => {
      throw new ServiceError('NoSuchResource', 'pair-1 is not here', 404);
    });
    const r = await call(signV1({ ...START, now: NOW }));
    expectError(r, 404, 'NoSuchResource');
    expect(r.json.Message).toBe('pair-1 is not here');
  });

  it('turns an unexpected exception into InternalError without a stack, and keeps serving', async () => {
    const logged: string[] = [];
    const { call, service } = setup({ logError: (m) => logged.push(m) });
    service.scripted.set('StartDiskReplicaPair', () => {
      throw new TypeError('boom at /secret/path.ts:1');
    });
    const r = await call(signV1({ ...START, now: NOW }));
    expectError(r, 500, 'InternalError');
    expect(r.res.body).not.toContain('boom');
    expect(logged[0]).toContain('boom');
    service.scripted.clear();
    expect((await call(signV1({ ...START, now: NOW }))).res.status).toBe(200);
  });
});

describe('the Date header', () => {
  it('follows the service clock across seconds, the same text within one', async () => {
    const { service, call } = setup();
    const dateAt = async (ms: number) => {
      service.clock.advance(ms - service.clock.now());
      return (await call(signV1({ ...START, now: NOW }))).res.headers.date;
    };
    expect(await dateAt(NOW)).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
    expect(await dateAt(NOW + 999)).toBe('Thu, 01 Jan 2026 00:00:00 GMT');
    expect(await dateAt(NOW + 1_000)).toBe('Thu, 01 Jan 2026 00:00:01 GMT');
    expect(await dateAt(NOW + 61_500)).toBe('Thu, 01 Jan 2026 00:01:01 GMT');
  });
});
