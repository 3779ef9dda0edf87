import { describe, expect, it } from 'vitest';
import { createTarget } from '../../adapters';
import { TRANSIENT_PAIR_STATUSES } from '../../api';
import { readPair } from '../../emulator/deviations/support';
import type { Deviation } from '../../emulator/protocol/deviation';
import { ServiceError } from '../../emulator/service/api';
import { runAgainst } from '../readings/support';

// Calls made while a pair or group is on its way (the harness moves the clock, so it can call
// before the transition ends), and the probe that reads a changed resource on the way: both are
// judged like every other call.

/** The statuses a resource passes through on its way; `syncing` recurs when settled too. */
const TRANSIENT: readonly string[] = TRANSIENT_PAIR_STATUSES.filter((s) => s !== 'syncing');

const run = (deviation?: Deviation, runs = 12) =>
  runAgainst({ runs, maxCommands: 40, ...(deviation ? { deviation } : {}) });

describe('calls during transient statuses', () => {
  it('are made on a clock the harness moves, in several transient statuses of pairs, and judged conformant on the emulator', async () => {
    const { record } = await run();
    expect(record.failures.map((f) => f.title)).toEqual([]);
    expect(record.verdict).toBe('conformant');
    const cells = [...record.coverage.pairs.cells, ...record.coverage.groups.cells].filter(
      (c) => TRANSIENT.includes(c.state) && c.hits > 0,
    );
    expect(new Set(cells.map((c) => c.state)).size).toBeGreaterThanOrEqual(3);
    expect(cells.reduce((n, c) => n + c.hits, 0)).toBeGreaterThan(10);
  }, 180_000);

  it('a listing refused while a pair is stopping is reported from the probe, not waited out', async () => {
    let refused = 0;
    const deviation: Deviation = {
      async around(call, next) {
        if (call.product === 'ebs' && call.action === 'DescribeDiskReplicaPairs' && call.params.PairIds) {
          const [id] = call.params.PairIds as string[];
          const row = id ? await readPair(next, call, String(call.params.RegionId), id) : undefined;
          if (row?.Status === 'stopping') {
            refused += 1;
            throw new ServiceError('Forbidden', 'User is not authorized to operate.', 403);
          }
        }
        return next(call);
      },
    };
    const { record } = await run(deviation, 30);
    expect(refused).toBeGreaterThan(0);
    expect(record.verdict).toBe('nonconformant');
    const [failure] = record.failures;
    expect(failure?.operation).toBe('DescribeDiskReplicaPairs');
    expect(failure?.trace.at(-1)?.command).toMatch(/^observe: /);
    expect(failure?.rules).toContain('PROTO.DESCRIBE_IS_PROJECTION');
  }, 180_000);

  it('on a target two lanes share, are made only where refused throughout the transition, and catch one accepted', async () => {
    const shared = async (faultProfile?: string) => {
      const target = await createTarget('mock', {
        transitionMs: 1000,
        clockMode: 'manual',
        ...(faultProfile ? { faultProfile } : {}),
      });
      return (await runAgainst({ target, seed: 7, runs: 30, maxCommands: 40, concurrency: 2 })).record;
    };
    const plain = await shared();
    expect(plain.failures.map((f) => f.title)).toEqual([]);
    const onTheWay = [...plain.coverage.pairs.cells, ...plain.coverage.groups.cells].filter(
      (c) => TRANSIENT.includes(c.state) && c.hits > 0,
    );
    expect(onTheWay.length).toBeGreaterThan(0);
    const bent = await shared('transient-refusals-accepted');
    expect(bent.verdict).toBe('nonconformant');
    const [failure] = bent.failures;
    expect(failure?.trace.some((s) => s.command.startsWith('while '))).toBe(true);
  }, 240_000);
});
