import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signV1, signV3, type WireRequest } from '../../emulator/protocol';
import { type EmulatorProcess, spawnEmulator } from './cli-process';
import { $Ecs, callAs, DEFAULT_KEYS, type Dialect, ecsClient, sdkError } from './sdk-clients';

// The seed scenarios end to end, through the official SDKs, against the real CLI in a child
// process: disks in two regions, a pair in both dialects, start, failover, reprotect (refused,
// then done), reverse start, stop, delete; plus the gateway's refusals and XML answers.
const EBS = '2021-07-30';
const ECS = '2014-05-26';
const PRIMARY = { region: 'cn-shanghai', zone: 'cn-shanghai-b' };
const STANDBY = { region: 'cn-beijing', zone: 'cn-beijing-f' };

let emu: EmulatorProcess;
beforeAll(async () => {
  emu = await spawnEmulator(['--transition-ms', '0']);
});
afterAll(async () => {
  expect(await emu.stop()).toBe(0);
});

const ebs = (dialect: Dialect, action: string, params: Record<string, unknown>) =>
  callAs(dialect, emu.port, action, EBS, params);

async function createDisk(site: typeof PRIMARY): Promise<string> {
  const res = await ecsClient(emu.port).createDisk(
    new $Ecs.CreateDiskRequest({
      regionId: site.region,
      zoneId: site.zone,
      diskCategory: 'cloud_essd',
      size: 40,
    }),
  );
  expect(res.statusCode).toBe(200);
  return res.body?.diskId as string;
}

async function pairView(pairId: string) {
  const body = await ebs('v3', 'DescribeDiskReplicaPairs', { RegionId: PRIMARY.region, PairIds: pairId });
  const pairs = body.ReplicaPairs as Record<string, unknown>[];
  expect(pairs).toHaveLength(1);
  return pairs[0] as Record<string, unknown>;
}

async function send(req: WireRequest) {
  const res = await fetch(`${emu.url}${req.url}`, {
    method: req.method,
    headers: { ...(req.headers as Record<string, string>), host: `127.0.0.1:${emu.port}` },
    ...(req.method === 'GET' || req.body === '' ? {} : { body: req.body as string }),
  });
  return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
}

describe('the seed scenarios through the official SDKs', () => {
  it('creates a pair in the legacy ECS dialect (PairName required, PairId answered)', async () => {
    const [disk, standby] = [await createDisk(PRIMARY), await createDisk(STANDBY)];
    const params = {
      RegionId: PRIMARY.region,
      DiskId: disk,
      DestinationRegionId: STANDBY.region,
      DestinationDiskId: standby,
    };
    const missing = await sdkError(callAs('pop-post', emu.port, 'CreateDiskReplicaPair', ECS, params));
    expect(missing.code).toBe('IncompleteParamter');
    const body = await callAs('pop-get', emu.port, 'CreateDiskReplicaPair', ECS, {
      ...params,
      PairName: 'legacy-pair',
    });
    expect(body.PairId).toMatch(/^rp-/);
    expect(body.Code).toBeUndefined();
  });

  it('plays create, start, failover, reprotect, reverse start, stop and delete', async () => {
    const ecs = ecsClient(emu.port);
    const primaryDisk = await createDisk(PRIMARY);
    const standbyDisk = await createDisk(STANDBY);
    const created = await ebs('v3-body', 'CreateDiskReplicaPair', {
      RegionId: PRIMARY.region,
      SourceZoneId: PRIMARY.zone,
      DiskId: primaryDisk,
      DestinationRegionId: STANDBY.region,
      DestinationZoneId: STANDBY.zone,
      DestinationDiskId: standbyDisk,
      PairName: 'seed-pair',
    });
    const pair = { ReplicaPairId: created.ReplicaPairId as string };
    expect(pair.ReplicaPairId).toMatch(/^pair-/);
    expect((await pairView(pair.ReplicaPairId)).Status).toBe('created');

    await ebs('pop-get', 'StartDiskReplicaPair', { RegionId: PRIMARY.region, ...pair });
    expect((await pairView(pair.ReplicaPairId)).Status).toBe('normal');

    // The primary is in use by an instance of its zone.
    const instances = await ecs.describeInstances(
      new $Ecs.DescribeInstancesRequest({ regionId: PRIMARY.region, zoneId: PRIMARY.zone }),
    );
    const instanceId = instances.body?.instances?.instance?.[0]?.instanceId as string;
    await ecs.attachDisk(new $Ecs.AttachDiskRequest({ instanceId, diskId: primaryDisk }));

    const fromPrimary = await sdkError(
      ebs('v1-darabonba', 'FailoverDiskReplicaPair', { RegionId: PRIMARY.region, ...pair }),
    );
    expect(fromPrimary.code).toBe('OperationDenied.OperateNotAllowedForPrimary');
    await ebs('pop-post', 'FailoverDiskReplicaPair', { RegionId: STANDBY.region, ...pair });
    expect((await pairView(pair.ReplicaPairId)).Status).toBe('failovered');

    const reprotectFromPrimary = await sdkError(
      ebs('v3', 'ReprotectDiskReplicaPair', { RegionId: PRIMARY.region, ...pair }),
    );
    expect(reprotectFromPrimary.code).toBe('OperationDenied.OperateNotAllowedForPrimary');
    const whileAttached = await sdkError(
      ebs('v3', 'ReprotectDiskReplicaPair', { RegionId: STANDBY.region, ...pair }),
    );
    expect(whileAttached.code).toMatch(/^OperationDenied/);
    expect(whileAttached.message).toContain(primaryDisk);
    await ecs.detachDisk(new $Ecs.DetachDiskRequest({ instanceId, diskId: primaryDisk }));
    await ebs('v3', 'ReprotectDiskReplicaPair', { RegionId: STANDBY.region, ...pair });
    const reversed = await pairView(pair.ReplicaPairId);
    expect(reversed).toMatchObject({
      Status: 'stopped',
      SourceDiskId: standbyDisk,
      DestinationDiskId: primaryDisk,
    });

    await ebs('v3', 'StartDiskReplicaPair', { RegionId: STANDBY.region, ...pair });
    expect((await pairView(pair.ReplicaPairId)).Status).toBe('normal');
    await ebs('pop-get', 'StopDiskReplicaPair', { RegionId: PRIMARY.region, ...pair });
    expect((await pairView(pair.ReplicaPairId)).Status).toBe('stopped');
    // Deletion happens in the current primary's region, which is now the original standby's.
    await ebs('v1-darabonba', 'DeleteDiskReplicaPair', { RegionId: STANDBY.region, ...pair });
    const after = await ebs('v3', 'DescribeDiskReplicaPairs', {
      RegionId: PRIMARY.region,
      PairIds: pair.ReplicaPairId,
    });
    expect(after.ReplicaPairs).toEqual([]);
  });
});

describe('the gateway refusals through the SDKs and raw requests', () => {
  it('refuses a wrong secret in both signature versions, with the server string to sign', async () => {
    const keys = { ...DEFAULT_KEYS, accessKeySecret: 'not-the-secret' };
    const v3 = await sdkError(
      ecsClient(emu.port, keys).describeDisks(new $Ecs.DescribeDisksRequest({ regionId: PRIMARY.region })),
    );
    expect(v3.code).toBe('SignatureDoesNotMatch');
    expect(v3.message).toContain('server string to sign is:ACS3-HMAC-SHA256');
    const v1 = await sdkError(
      callAs('pop-get', emu.port, 'DescribeDiskReplicaPairs', EBS, { RegionId: PRIMARY.region }, keys),
    );
    expect(v1.code).toBe('SignatureDoesNotMatch');
    expect(v1.message).not.toContain('not-the-secret');
  });

  it('refuses an expired timestamp and a replayed nonce', async () => {
    const call = {
      action: 'DescribeDiskReplicaPairs',
      version: EBS,
      params: { RegionId: PRIMARY.region },
      format: 'JSON',
    };
    const old = await send(signV1({ ...call, now: Date.now() - 20 * 60_000 }));
    expect({ status: old.status, code: JSON.parse(old.text).Code }).toEqual({
      status: 400,
      code: 'InvalidTimeStamp.Expired',
    });
    const nonce = `nonce-${Date.now()}`;
    const host = `127.0.0.1:${emu.port}`;
    expect((await send(signV3({ ...call, nonce, host }))).status).toBe(200);
    const replay = await send(signV3({ ...call, nonce, host }));
    expect({ status: replay.status, code: JSON.parse(replay.text).Code }).toEqual({
      status: 400,
      code: 'SignatureNonceUsed',
    });
  });

  it('answers XML by default on V1, with ECS list wrappers and an XML error when XML is asked', async () => {
    const disk = await createDisk(PRIMARY);
    const xml = await send(
      signV1({
        action: 'DescribeDisks',
        version: ECS,
        params: { RegionId: PRIMARY.region, DiskIds: JSON.stringify([disk]) },
      }),
    );
    expect(xml.contentType).toBe('text/xml;charset=utf-8');
    const parsed = new XMLParser({ isArray: (name) => name === 'Disk' }).parse(xml.text);
    expect(parsed.DescribeDisksResponse.RequestId).toMatch(/^[0-9A-F-]{36}$/);
    expect(parsed.DescribeDisksResponse.Disks.Disk.map((d: { DiskId: string }) => d.DiskId)).toEqual([disk]);
    const error = await send(signV1({ action: 'NoSuchThing', version: ECS, format: 'XML' }));
    expect(error.status).toBe(404);
    const e = new XMLParser().parse(error.text).Error;
    expect(Object.keys(e)).toEqual(['RequestId', 'HostId', 'Code', 'Message', 'Recommend']);
    expect(e.Code).toBe('InvalidApi.NotFound');
  });
});
