import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conformanceTrial } from './conformance-wall';

// The bench runs `npm run conformance` at a seed of its own choosing: a run that is not
// conformant is a finding, and its report (with the seed that replays it) must outlive the bench.
describe('the conformance wall-time row', () => {
  it('keeps the report of a run that was not conformant, and only that', async () => {
    const bent = await conformanceTrial(
      'node bin/ebs-conformance.mjs run --target direct --fault-profile progress-per-mille',
    );
    try {
      expect(bent.verdict).toBe('nonconformant');
      expect(bent.kept).toBeDefined();
      const record = JSON.parse(readFileSync(join(bent.kept as string, 'run.json'), 'utf8'));
      expect(record.seed).toEqual(expect.any(Number));
    } finally {
      if (bent.kept) rmSync(bent.kept, { recursive: true, force: true });
    }
    const fine = await conformanceTrial('node bin/ebs-conformance.mjs run --target direct --runs 3 --seed 1');
    expect(fine.verdict).toBe('conformant');
    expect(fine.kept).toBeUndefined();
  }, 120_000);
});
