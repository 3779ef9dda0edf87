/**
 * What a run did, in a few hashes: the guard of a performance change, which must leave every
 * call, answer and verdict as it was. `bench --fingerprint 1,7,42` on two commits prints lines
 * that are equal when the change preserved behaviour. A run namespaces its ClientTokens afresh
 * each time, so that prefix is left out; everything else is hashed as the target saw it.
 */
import { createHash } from 'node:crypto';
import type { Exchange } from '../adapters';
import { createDirectTarget } from '../adapters/direct-target';
import { runConformance } from '../cli/run-suite';
import { capturing } from './capture';

export interface Fingerprint {
  readonly seed: number;
  readonly verdict: string;
  readonly steps: number;
  /** Every call (action, parameters) with the status and error code it got, in order. */
  readonly calls: string;
  /** The record's rules, exercised and failed. */
  readonly rules: string;
  readonly failures: number;
}

const RUN_TOKEN_PREFIX = /"ClientToken":"[^-"]*-/g;

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function callLine(x: Exchange): string {
  const params = JSON.stringify(x.call.params).replace(RUN_TOKEN_PREFIX, '"ClientToken":"');
  const code = x.outcome.kind === 'error' ? x.outcome.code : x.outcome.kind;
  return `${x.call.action} ${params} ${x.response?.status ?? '-'} ${code}\n`;
}

/** One run of `runs` sequences on the direct target with a manual clock, as `npm run conformance` runs a lane. */
export async function fingerprint(seed: number, runs: number): Promise<Fingerprint> {
  const { target, sequences } = capturing(createDirectTarget({ transitionMs: 1000, clockMode: 'manual' }));
  try {
    const { record } = await runConformance({
      target,
      seed,
      runs,
      maxCommands: 40,
      shrink: false,
      harnessVersion: 'fingerprint',
      replayCommand: () => '',
    });
    return {
      seed,
      verdict: record.verdict,
      steps: record.steps,
      calls: sha(sequences.flatMap((s) => s.map(callLine)).join('')),
      rules: sha(JSON.stringify(record.rules)),
      failures: record.failures.length,
    };
  } finally {
    await target.close?.();
  }
}

export const fingerprintLine = (f: Fingerprint): string =>
  `seed ${f.seed}: ${f.verdict}, ${f.steps} calls, calls ${f.calls}, rules ${f.rules}, ${f.failures} failures`;
