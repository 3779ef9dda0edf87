import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../emulator/cli-process';

const dir = mkdtempSync(join(tmpdir(), 'ebs-replay-reading-'));

// An inconsistent reading is two answers: the failing sequence's and one of an earlier sequence.
// Its replay runs the lane from the first sequence to the failing one; replaying the failing
// sequence alone, as every other failure replays, found the target consistent (conformant).
describe('replay --failure of an inconsistent reading', () => {
  it('runs its lane up to the failing sequence and finds the inconsistency again', async () => {
    const recorded = join(dir, 'run');
    const run = await runCli([
      'run',
      '--target',
      'direct',
      '--fault-profile',
      'create-pair-region-switches',
      '--seed',
      '2',
      '--runs',
      '10',
      '--report-dir',
      recorded,
    ]);
    expect(run.code).toBe(1);
    const record = JSON.parse(readFileSync(join(recorded, 'run.json'), 'utf8'));
    const [failure] = record.failures;
    expect(failure.category).toBe('inconsistent-reading');
    // Seed 2 first shows the reading in sequence 0 and contradicts it in sequence 1.
    expect(failure.path).toMatch(/^1:/);

    const replay = await runCli([
      'replay',
      join(recorded, 'run.json'),
      '--failure',
      '1',
      '--report-dir',
      join(dir, 'again'),
    ]);
    expect(replay.stdout).toContain(
      `(seed 2, its first 2 sequences: an earlier one showed the first answer)`,
    );
    expect(replay.code).toBe(1);
    const again = JSON.parse(readFileSync(join(dir, 'again', 'run.json'), 'utf8'));
    expect(again.failures.map((f: { title: string }) => f.title)).toEqual([failure.title]);
  }, 60_000);
});
