import { describe, expect, it } from 'vitest';
import { expectConformant, runAgainst } from './support';

// The reading refused-call-token met by a random run, not only by scripted calls: a probe's first
// life-cycle call carries the scenario's token and goes again once the others moved the status
// (properties/commands/scenarios.ts). At the shared seed the first of these meets a status that
// refuses it and the second one that accepts it, so the target shows which it does, whichever
// alternative the emulator plays, and the run names that one.
describe('a refused call retried with its token, in a random run', () => {
  for (const alternative of ['forgotten', 'kept'] as const) {
    it(`shows refused-call-token=${alternative} where the emulator plays it, conformant`, async () => {
      const run = await runAgainst({ readings: { 'refused-call-token': alternative }, runs: 12 });
      expectConformant(run);
      const shown = run.record.readings?.find((r) => r.id === 'refused-call-token');
      expect(shown?.choice).toBe(alternative);
      expect(shown?.exchange).toMatch(/ClientToken=once-\d+-probe-/);
    }, 120_000);
  }
});
