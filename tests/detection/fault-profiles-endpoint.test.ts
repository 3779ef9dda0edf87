import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTarget, EMULATOR_CREDENTIALS } from '../../adapters';
import type { Target } from '../../adapters/target';
import { runConformance } from '../../cli/run-suite';
import { faultProfile } from '../../emulator/deviations';
import { AWAITING_CHECK, attributes, detectProfile, EmulatorChildren } from '../../properties/detection';
import { SEED } from './detection-suite';

// The real-clock column for what only calls during transitions show: an emulator child on its own
// clock (transitions of 150 ms), reached as `--target endpoint` reaches any service, so the run
// can neither reset it nor move its clock. Calls on the way are made there only where the model
// refuses them in every status the resource may have reached, and Progress is judged only when
// listings before and after it show the initial sync: this file holds both to catching their
// profiles, and to no false nonconformance on the unmodified emulator or the control.
// (`ebs-conformance detect` runs every other profile on this target; the README has the table.)

const TRANSITION_MS = 150;
const RUNS = 30;
const CONTROL_RUNS = 8;

const CAUGHT_ON_THE_WAY = ['transient-refusals-accepted', 'progress-100-while-initial-syncing'];
// progress-falls-between-passes is caught there only at some seeds (AWAITING_CHECK says why).

const children = new EmulatorChildren();
afterAll(() => children.close());

describe('endpoint (real clock): deviations seen only during transitions are detected', () => {
  it.each(CAUGHT_ON_THE_WAY)(
    '%s',
    async (name) => {
      const profile = faultProfile(name);
      const d = await detectProfile(profile, {
        target: 'endpoint',
        transitionMs: TRANSITION_MS,
        seed: SEED,
        runs: RUNS,
        shrink: false,
        children,
      });
      expect(d.verdict, d.inconclusive).toBe('nonconformant');
      expect(d.failure && attributes(profile, d.failure), d.failure?.title).toBe(true);
      // What caught it was a call or read made while the pair was on its way.
      expect(d.failure?.trace.some((s) => /^while |inside initial_syncing/.test(s.command))).toBe(true);
    },
    240_000,
  );

  it('recover-point-frozen is still missed there, and says why', async () => {
    expect(AWAITING_CHECK['recover-point-frozen']?.targets).toEqual(['endpoint']);
    const d = await detectProfile(faultProfile('recover-point-frozen'), {
      target: 'endpoint',
      transitionMs: TRANSITION_MS,
      seed: SEED,
      runs: 4,
      shrink: false,
      children,
    });
    // Detected now? Then its check has landed: take it off AWAITING_CHECK.
    expect(d.detected, d.failure?.title).toBe(false);
  }, 240_000);
});

describe('endpoint (real clock): the controls are conformant', () => {
  let plain: Target;
  let endpoint: Target;
  beforeAll(async () => {
    plain = await createTarget('emulator', { transitionMs: TRANSITION_MS, clockMode: 'real' });
    endpoint = await createTarget('endpoint', {
      endpoint: plain.endpoint as string,
      credentials: EMULATOR_CREDENTIALS,
    });
  }, 120_000);
  afterAll(async () => {
    await endpoint?.close?.();
    await plain?.close?.();
  });

  it('the unmodified emulator, with calls made on the way', async () => {
    const { record } = await runConformance({
      target: endpoint,
      seed: SEED,
      runs: CONTROL_RUNS,
      maxCommands: 40,
      concurrency: 1,
      harnessVersion: 'test',
      replayCommand: () => '',
      session: { settleTimeoutMs: 10_000 },
    });
    expect(record.failures.map((f) => f.title)).toEqual([]);
    expect(record.verdict).toBe('conformant');
    const onTheWay = [...record.coverage.pairs.cells, ...record.coverage.groups.cells].filter(
      (c) => c.hits > 0 && /ing$/.test(c.state) && c.state !== 'syncing',
    );
    expect(onTheWay.length, 'calls in transient statuses').toBeGreaterThan(0);
  }, 240_000);

  it('transient-bursts: retried, never a nonconformance', async () => {
    const d = await detectProfile(faultProfile('transient-bursts'), {
      target: 'endpoint',
      transitionMs: TRANSITION_MS,
      seed: SEED,
      runs: CONTROL_RUNS,
      children,
    });
    expect(d.failure?.title).toBeUndefined();
    expect(d.verdict, d.inconclusive).toBe('conformant');
    expect(d.retried).toBeGreaterThan(5);
  }, 240_000);
});
