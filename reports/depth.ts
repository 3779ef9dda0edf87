import { exercised, missingCase, type RunRecord } from './run-record';

/** What a run's depth was meant to reach and what it reached, and which rules miss a case. */
export interface DepthReach {
  /** Absent for a run made without `--depth` (a replay, a merge of older shards). */
  readonly depth?: NonNullable<RunRecord['depth']>;
  readonly meant: number;
  readonly meantReached: number;
  /** Rules the depth is meant to reach that the run did not exercise. */
  readonly meantMissed: readonly string[];
  /** Rules judged in both their documented cases, and rules the docs give one case. */
  readonly bothCases: number;
  readonly oneSided: number;
  /** Rules exercised in one of their two documented cases only, with the case missing. */
  readonly missingCase: readonly { readonly id: string; readonly missing: 'accepting' | 'refusing' }[];
}

export function depthReach(run: RunRecord): DepthReach {
  const meant = run.rules.filter((r) => r.meant !== false);
  const missing = meant.flatMap((r) => {
    const m = missingCase(r);
    return m ? [{ id: r.id, missing: m }] : [];
  });
  return {
    ...(run.depth ? { depth: run.depth } : {}),
    meant: meant.length,
    meantReached: meant.filter(exercised).length,
    meantMissed: meant.filter((r) => !exercised(r)).map((r) => r.id),
    bothCases: run.rules.filter((r) => r.accepted > 0 && r.refused > 0).length,
    oneSided: run.rules.filter((r) => r.oneSided).length,
    missingCase: missing,
  };
}

/** The case column of a rule: both, one documented case, or the case a run missed. */
export function caseLabel(r: RunRecord['rules'][number]): string {
  if (r.oneSided) return `${r.oneSided.only} only`;
  const m = missingCase(r);
  return m ? `no ${m} case yet` : exercised(r) ? 'both' : '';
}

/** The summary's lines on depth and cases (Markdown). */
export function depthMarkdown(run: RunRecord, cell: (text: string) => string): string[] {
  const d = depthReach(run);
  const lines = [
    '',
    '### Depth and cases',
    '',
    d.depth
      ? `Depth **${d.depth.name}** (${d.depth.runs} sequences of at most ${d.depth.maxCommands} commands) is meant to reach ${d.meant} of ${run.rules.length} rules${d.depth.leaves ? `; it leaves ${cell(d.depth.leaves)} to \`--depth deep\`` : ''}. It reached ${d.meantReached} of them.`
      : `No depth was given: every rule is meant to be reached; ${d.meantReached} of ${d.meant} were.`,
    '',
    `${d.bothCases} rules were judged in both an accepting and a refusing case; ${d.oneSided} have one documented case only; ${d.missingCase.length} meant here were judged in one of their two cases only.`,
  ];
  if (d.meantMissed.length > 0)
    lines.push('', `Meant but not exercised: ${d.meantMissed.map((id) => `\`${id}\``).join(', ')}.`);
  if (d.missingCase.length > 0)
    lines.push('', `Missing a case: ${d.missingCase.map((m) => `\`${m.id}\` (${m.missing})`).join(', ')}.`);
  return lines;
}
