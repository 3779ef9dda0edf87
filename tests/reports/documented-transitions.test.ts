import { describe, expect, it } from 'vitest';
import { DOCUMENTED_TRANSITIONS, findTransition } from '../../api/state-machines';
import { faultProfile } from '../../emulator/deviations';
import type { RunRecord } from '../../reports/run-record';
import { runAgainst } from '../readings/support';

// What a run observed, held to the documented state machines: the model's status changes (the
// record's transitions: the model's state before a call and after it settled, each accepted by
// the target) and the statuses the emulator showed on the way (the observed paths, read from
// the emulator's gateway in-process). A change outside the table is a gap in the table or a bug
// in the model, the emulator or the recording.

/** On a clock the harness moves, with transitions long enough for calls made on the way. */
const run = async (seed: number, faultProfile?: string): Promise<RunRecord> =>
  (
    await runAgainst({
      seed,
      runs: faultProfile ? 30 : 20,
      maxCommands: 40,
      ...(faultProfile ? { faultProfile } : {}),
    })
  ).record;

/** Statuses a documented change may show for an operation: on the way, and where it settles. */
function shownBy(kind: string, operation: string): Set<string> | undefined {
  const entries = DOCUMENTED_TRANSITIONS.filter((t) => t.kind === kind && t.operation === operation);
  if (entries.length === 0) return undefined;
  return new Set(entries.flatMap((t) => [...t.via, t.to]));
}

/** Not statuses: a row no longer listed, a path not read, a deleted row still shown as such. */
const GONE = new Set(['(not listed)', '—', 'deleted']);

describe('what a run observes lies in the documented state machines', () => {
  it.each([20261202, 7])(
    'seed %i: every status change and every status shown on the way',
    async (seed) => {
      const record = await run(seed);
      expect(record.coverage.transitions.length).toBeGreaterThan(10);
      const outside = record.coverage.transitions
        .filter((t) => !findTransition(t.kind, t.from, t.to, t.operation))
        .map((t) => `${t.kind} ${t.from} -> ${t.to} by ${t.operation} (x${t.hits})`);
      expect(outside).toEqual([]);
      const shownOutside: string[] = [];
      let judged = 0;
      for (const p of record.observedPaths ?? []) {
        const allowed = shownBy(p.kind, p.operation);
        if (!allowed) continue;
        for (const s of p.observed.split(' → ').filter((s) => !GONE.has(s))) {
          judged++;
          if (!allowed.has(s)) shownOutside.push(`${p.kind} ${p.operation} showed ${s} (path ${p.observed})`);
        }
      }
      expect(judged).toBeGreaterThan(20);
      expect(shownOutside).toEqual([]);
    },
    240_000,
  );
});

describe('a change off its documented path', () => {
  // Before the table named each change's path rules, such a failure named every rule that let
  // the call through (its region, its required parameters, RequestId, its status before), and
  // the vitest suite failed them all.
  it.each(['stop-keeps-syncing', 'start-never-normal', 'delete-without-effect', 'group-members-left-behind'])(
    '%s: the run fails exactly the rules the profile breaks',
    async (name) => {
      const profile = faultProfile(name);
      const record = await run(20261202, name);
      expect(record.verdict).toBe('nonconformant');
      const failed = new Set(record.failures.flatMap((f) => f.rules));
      expect([...failed].sort()).toEqual(
        [...new Set([...profile.ruleIds, ...(profile.observedIn?.ruleIds ?? [])])].sort(),
      );
    },
    120_000,
  );
});
