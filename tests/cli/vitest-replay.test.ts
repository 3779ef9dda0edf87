/**
 * What a failing rule prints in vitest's output is enough to get the same failure back: the test
 * runs a user's one-file suite (tests/cli/replay-fixture) under a fault profile in a vitest child
 * process, takes the replay line from that output as printed, runs it through a shell, and gets
 * the same rule failing on the same shrunk counterexample.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'replay-fixture');
const BIN = resolve(FIXTURE, '../../../node_modules/.bin');

/** The environment of a shell in the fixture project: none of this process's suite settings. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  for (const name of Object.keys(env)) if (name.startsWith('EBS_CONFORMANCE_')) delete env[name];
  for (const name of Object.keys(env)) if (name.startsWith('VITEST')) delete env[name];
  // `npx vitest` finds the project's own vitest first, as it does in a user's project.
  env.PATH = `${BIN}:${env.PATH ?? ''}`;
  return { ...env, ...extra };
}

function shell(command: string, env: NodeJS.ProcessEnv) {
  const r = spawnSync('sh', ['-c', command], { cwd: FIXTURE, env, encoding: 'utf8', timeout: 240_000 });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

/** The failing rules and the counterexamples' lengths, as vitest's output shows them. */
const failuresIn = (output: string) => ({
  rules: [...new Set([...output.matchAll(/([A-Z][A-Z0-9_.]+) violated \(/g)].map((m) => m[1]))].sort(),
  shrunk: [...output.matchAll(/shrunk counterexample, (\d+) calls/g)].map((m) => Number(m[1])),
});

describe('the replay line a failing rule prints in vitest', () => {
  it('replays the same failure when pasted into a shell', { timeout: 480_000 }, () => {
    const first = shell(
      'npx vitest run',
      cleanEnv({ EBS_CONFORMANCE_FAULT_PROFILE: 'reprotect-any-status', EBS_CONFORMANCE_SEED: '11' }),
    );
    expect(first.code, first.output).toBe(1);
    const found = failuresIn(first.output);
    expect(found.rules).toEqual(['PAIR.REPROTECT.REQUIRES_FAILOVERED']);
    const line = /^\s*replay: (.+)$/m.exec(first.output)?.[1];
    expect(line, first.output).toMatch(/EBS_CONFORMANCE_PATH=/);

    const again = shell(line as string, cleanEnv());
    expect(again.output).not.toMatch(/not found/);
    expect(again.code, again.output).toBe(1);
    const replayed = failuresIn(again.output);
    expect(replayed.rules).toEqual(found.rules);
    expect(replayed.shrunk).toEqual(found.shrunk);
  });
});
