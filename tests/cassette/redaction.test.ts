import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMockTarget } from '../../adapters';
import { readCassette } from '../../adapters/cassette';
import type { Variant } from '../../adapters/target';
import { tempDir, withCassette } from './fixtures';

// A cassette is meant to be committed and uploaded: nothing in it may sign a request. Secrets are
// planted where a careless recorder would copy them: in parameters, and so in error messages.
const credentials = {
  accessKeyId: 'plantedKeyId0001',
  accessKeySecret: 'planted-secret-Zq8/+x',
  securityToken: 'planted-sts-token-9f3k',
};

describe('a cassette holds no secret', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  const variants: Partial<Variant>[] = [
    { signature: 'v3', method: 'POST', paramsIn: 'query' },
    { signature: 'v3', method: 'POST', paramsIn: 'body' },
    { signature: 'v1', method: 'GET', format: 'XML' },
    { signature: 'v1', method: 'POST', paramsIn: 'split' },
  ];

  it.each(variants)('no secret, token, signature or raw key id with %o', async (variant) => {
    const file = join(tmp.dir, `${variant.signature}-${variant.paramsIn ?? variant.method}.jsonl`);
    const inner = createMockTarget({ credentials, clockMode: 'manual' });
    const recording = withCassette(inner, { file, credentials });
    const { target } = recording;
    const planted = {
      RegionId: 'cn-hangzhou',
      ZoneId: 'cn-hangzhou-g',
      DiskCategory: 'cloud_essd',
      Size: 20,
      DiskName: credentials.accessKeySecret,
      Description: `${credentials.securityToken} ${credentials.accessKeyId}`,
    };
    const exchange = await target.send({
      product: 'ecs',
      version: '2014-05-26',
      action: 'CreateDisk',
      params: planted,
      variant,
    });
    // An unknown disk: the error message quotes the parameter back.
    await target.send({
      product: 'ecs',
      version: '2014-05-26',
      action: 'DescribeDisks',
      params: { RegionId: 'cn-hangzhou', DiskIds: [credentials.accessKeySecret] },
      variant,
    });
    await recording.close();
    expect(exchange.call.params.DiskName).toBe(credentials.accessKeySecret);

    const text = readFileSync(file, 'utf8');
    const encoded = (s: string) => encodeURIComponent(s);
    for (const secret of [credentials.accessKeySecret, credentials.securityToken, credentials.accessKeyId])
      for (const form of [secret, encoded(secret)]) expect(text).not.toContain(form);
    expect(text).toContain('plan****01');
    expect(text).not.toMatch(/Signature=(?!\*\*\*)[^&",]+/);
    const cassette = readCassette(file);
    expect(cassette.events.filter((e) => e.type === 'exchange')).toHaveLength(2);
  });
});
