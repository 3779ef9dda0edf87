import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskAccessKeyId } from '../../adapters';
import { percentEncode } from '../../api/protocol/encoding';
import { type RunningEmulator, startEmulator } from '../../emulator';
import { runCli } from '../emulator/cli-process';
import { type EchoProxy, startEchoProxy } from './echo-proxy';

// Planted credentials: none of these values may appear in any output, the key id only masked.
const KEY_ID = 'testPlantedKeyId9x';
const SECRET = 'PlantedSecret-6f1c2a9e';
const TOKEN = 'PlantedStsToken-CAIS-0d3b77';
const ENV = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: KEY_ID,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: SECRET,
  ALIBABA_CLOUD_SECURITY_TOKEN: TOKEN,
};

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );

describe('no secret in any report, log or error output', () => {
  let emulator: RunningEmulator;
  let proxy: EchoProxy;
  const outputs: { name: string; text: string }[] = [];
  let runExit: number | null = null;

  beforeAll(async () => {
    emulator = await startEmulator({
      credentials: [{ accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: TOKEN }],
      transitionMs: 0,
    });
    proxy = await startEchoProxy(emulator.url);
    const dir = mkdtempSync(join(tmpdir(), 'ebs-redaction-'));
    const run = join(dir, 'run');
    const cli = async (args: string[]) => {
      const r = await runCli(args, ENV);
      outputs.push(
        { name: `stdout of ${args[0]}`, text: r.stdout },
        { name: `stderr of ${args[0]}`, text: r.stderr },
      );
      return r.code;
    };
    const runArgs = ['--seed', '1', '--runs', '8', '--max-commands', '12', '--report-dir', run];
    runExit = await cli(['run', '--target', 'endpoint', '--endpoint', proxy.url, ...runArgs]);
    await cli(['report', join(run, 'run.json'), '--out', join(dir, 'report')]);
    await cli(['compare', join(run, 'run.json'), join(run, 'run.json'), '--out', join(dir, 'compare')]);
    await cli(['merge', join(run, 'run.json'), '--out', join(dir, 'merge')]);
    // An error path: a call the server refuses while discovering the world, with the same credentials.
    await cli([
      'run',
      '--target',
      'endpoint',
      '--endpoint',
      'http://127.0.0.1:9',
      '--report-dir',
      join(dir, 'x'),
    ]);
    for (const file of filesUnder(dir)) outputs.push({ name: file, text: readFileSync(file, 'utf8') });
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    await emulator?.close();
  });

  it('the run found the planted nonconformance and wrote its trace, echo included', () => {
    expect(runExit).toBe(1);
    const record = outputs.find((o) => o.name.endsWith(join('run', 'run.json')))?.text ?? '';
    expect(record).toContain('Echo');
    expect(record).toContain(maskAccessKeyId(KEY_ID));
    expect(proxy.signatures.size).toBeGreaterThan(0);
  });

  it('no output holds the secret, the STS token, a signature or the unmasked AccessKeyId', () => {
    const forbidden = [SECRET, TOKEN, KEY_ID, ...proxy.signatures].flatMap((s) => [s, percentEncode(s)]);
    const leaks = outputs.flatMap((o) =>
      forbidden.filter((s) => o.text.includes(s)).map((s) => `${o.name} holds ${s.slice(0, 6)}…`),
    );
    expect(outputs.length).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
  });
});
