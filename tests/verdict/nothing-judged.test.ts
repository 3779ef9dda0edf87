import { describe, expect, it } from 'vitest';
import { runAgainst } from '../readings/support';

// A run whose commands all found nothing to act on made no call of its own: it judged nothing,
// so it must not be reported conformant (session 4 saw `run --target endpoint --runs 1
// --max-commands 5` end conformant after 0 calls).

describe('a run that judged no generated call', () => {
  it('is inconclusive, saying why; a run with calls of the same size is not', async () => {
    const seen: { seed: number; steps: number; verdict: string; reasons: string[] }[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const { record } = await runAgainst({ seed, runs: 1, maxCommands: 1 });
      seen.push({
        seed,
        steps: record.steps,
        verdict: record.verdict,
        reasons: record.inconclusive.map((i) => i.reason),
      });
    }
    // Both kinds occur among these seeds, or the test would prove nothing.
    expect(seen.filter((s) => s.steps === 0).length, JSON.stringify(seen)).toBeGreaterThan(0);
    expect(seen.filter((s) => s.steps > 0).length, JSON.stringify(seen)).toBeGreaterThan(0);
    for (const s of seen) {
      if (s.steps === 0) {
        expect(s.verdict, `seed ${s.seed}`).toBe('inconclusive');
        expect(s.reasons.join(' '), `seed ${s.seed}`).toContain('no generated call was made');
      } else expect(s.verdict, `seed ${s.seed}`).toBe('conformant');
    }
  }, 120_000);

  it('a lane given no sequence (a replay of a lane a signal stopped before its first) makes no run inconclusive', async () => {
    // Lane 1 of an interrupted run had started none: its replay runs lane 0's two and nothing of lane 1.
    const { record } = await runAgainst({ seed: 3, runs: 2, laneRuns: [2, 0], maxCommands: 20 });
    expect(record.steps).toBeGreaterThan(0);
    expect(record.inconclusive).toEqual([]);
    expect(record.verdict).toBe('conformant');
    // A lane alone given nothing was asked for nothing: neither inconclusive nor a claim.
    const { record: empty } = await runAgainst({ seed: 3, runs: 0, maxCommands: 20 });
    expect(empty.inconclusive).toEqual([]);
    expect(empty.steps).toBe(0);
  }, 60_000);
});
