import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The package as a user's project sees it: built entry points (dist/, made by `npm run build`,
// which `npm ci` runs through `prepare`), resolved through package.json "exports" by plain Node
// (no tsx) and by tsc with NodeNext resolution. The consumer's node_modules links this package
// as `npm link` would, beside links to its dependencies.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
let consumer: string;

const CONSUMER_MJS = `
import EcsModule from '@alicloud/ecs20140526';
import { $OpenApiUtil } from '@alicloud/openapi-core';
import { setupServer } from 'msw/node';
import { createMswEmulator } from 'ebs-conformance/msw';
import { createClient } from 'ebs-conformance/client';
import { DescribeDiskReplicaPairsResponse } from 'ebs-conformance';

const Ecs = EcsModule.default ?? EcsModule;
const emulator = createMswEmulator();
const server = setupServer(...emulator.handlers);
server.listen({ onUnhandledRequest: 'error' });
const keys = { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret };
const ecs = new Ecs(new $OpenApiUtil.Config({ ...keys, regionId: 'cn-beijing' }));
const res = await ecs.describeInstances(new EcsModule.DescribeInstancesRequest({ regionId: 'cn-beijing' }));
const pairs = await createClient({ credentials: keys }).call('DescribeDiskReplicaPairs', { RegionId: 'cn-beijing' });
server.close();
console.log(JSON.stringify({
  instances: res.body.instances.instance.map((i) => i.regionId),
  pairs: DescribeDiskReplicaPairsResponse.parse(pairs).ReplicaPairs,
}));
`;

const CONSUMER_TS = `
import { createClient, type ResponseFor } from 'ebs-conformance/client';
import { createMswEmulator } from 'ebs-conformance/msw';
import { test } from 'ebs-conformance/vitest';
import type { ReplicaPair } from 'ebs-conformance';

const client = createClient();
createMswEmulator().faults.next('FailoverDiskReplicaPair', 'InternalError', 2);
export async function status(): Promise<ReplicaPair['Status'] | undefined> {
  const res: ResponseFor<'DescribeDiskReplicaPairs'> = await client.call('DescribeDiskReplicaPairs', { RegionId: 'cn-beijing' });
  return res.ReplicaPairs[0]?.Status;
}
// @ts-expect-error RegionId is required: proves the request types came through the declarations.
void client.call('DescribeDiskReplicaPairs', {});
test('a pair', async ({ ebs }) => {
  const pair = await ebs.pairIn('failovered');
  // @ts-expect-error no such state
  await ebs.pairIn('broken');
  return pair.pairId;
});
`;

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/msw.js')))
    throw new Error('dist/ is missing: run `npm run build` (npm ci runs it through prepare)');
  consumer = mkdtempSync(join(tmpdir(), 'ebs-conformance-consumer-'));
  const modules = join(consumer, 'node_modules');
  mkdirSync(modules);
  for (const name of readdirSync(join(ROOT, 'node_modules')))
    symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
  symlinkSync(ROOT, join(modules, 'ebs-conformance'));
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module' }));
  writeFileSync(join(consumer, 'consumer.mjs'), CONSUMER_MJS);
  writeFileSync(join(consumer, 'consumer.ts'), CONSUMER_TS);
  writeFileSync(
    join(consumer, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
      },
      files: ['consumer.ts'],
    }),
  );
});
afterAll(() => {
  if (consumer) rmSync(consumer, { recursive: true, force: true });
});

describe('the built package in a consumer project', () => {
  it('answers the official SDK in-process under plain Node', { timeout: 60_000 }, async () => {
    const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: consumer });
    const out = JSON.parse(stdout) as { instances: string[]; pairs: unknown[] };
    expect(out.instances.length).toBeGreaterThan(0);
    expect(new Set(out.instances)).toEqual(new Set(['cn-beijing']));
    expect(out.pairs).toEqual([]);
  });

  it('type-checks against the declarations with NodeNext resolution', { timeout: 60_000 }, async () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer }).catch(
      (err: { stdout?: string }) => ({ stdout: err.stdout ?? String(err) }),
    );
    expect(result.stdout).toBe('');
  });

  it('packs the entry points and the bundled CLI: no sources, tests or benchmarks', {
    timeout: 60_000,
  }, async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]?.files.map((f) => f.path) ?? [];
    for (const needed of [
      'dist/msw.js',
      'dist/msw.d.ts',
      'dist/types/lib/vitest.d.ts',
      'dist/cli.mjs',
      'bin/ebs-conformance.mjs',
      'parity/accepted.json',
    ])
      expect(files).toContain(needed);
    const sources = files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
    expect(sources).toEqual([]);
    expect(files.filter((f) => /(^|\/)(tests?|bench|examples)\/|\.test\./.test(f))).toEqual([]);
  });

  it('names a missing optional peer instead of failing deep inside dist/', { timeout: 60_000 }, async () => {
    const bare = mkdtempSync(join(tmpdir(), 'ebs-conformance-no-peers-'));
    try {
      const modules = join(bare, 'node_modules');
      mkdirSync(modules);
      for (const name of readdirSync(join(ROOT, 'node_modules')))
        if (name !== 'msw' && name !== 'vitest')
          symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
      // Copied as an install would: a link would let Node find the peers in this checkout.
      const installed = join(modules, 'ebs-conformance');
      cpSync(join(ROOT, 'dist'), join(installed, 'dist'), { recursive: true });
      cpSync(join(ROOT, 'package.json'), join(installed, 'package.json'));
      writeFileSync(join(bare, 'package.json'), JSON.stringify({ name: 'bare', type: 'module' }));
      const attempt = (entry: string) =>
        run(process.execPath, ['--input-type=module', '-e', `await import('ebs-conformance/${entry}')`], {
          cwd: bare,
        }).then(
          () => 'loaded',
          (err: { stderr?: string }) => err.stderr ?? '',
        );
      const [msw, vitest, client] = await Promise.all([attempt('msw'), attempt('vitest'), attempt('client')]);
      expect(msw).toContain(
        'ebs-conformance/msw needs msw (an optional peer dependency): npm install --save-dev msw',
      );
      expect(vitest).toContain('ebs-conformance/vitest needs vitest (an optional peer dependency)');
      // The client and the API types need neither.
      expect(client).toBe('loaded');
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
