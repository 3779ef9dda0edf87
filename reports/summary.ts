import type { RunRecord } from './run-record';

const percent = (part: number, whole: number) =>
  whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`;

/** Short Markdown for CI job summaries and pull-request comments. */
export function renderSummary(run: RunRecord): string {
  const exercised = run.rules.filter((r) => r.accepted + r.refused > 0).length;
  const { pairs, groups } = run.coverage;
  const lines = [
    `## ebs-conformance: **${run.verdict}**`,
    '',
    `Target \`${run.target.kind}\`${run.target.endpoint ? ` (${run.target.endpoint})` : ''}, seed ${run.seed}, ${run.runs} sequences, ${run.steps} calls.`,
    '',
    '| measure | value |',
    '| --- | --- |',
    `| rules exercised | ${exercised} of ${run.rules.length} (${percent(exercised, run.rules.length)}) |`,
    `| pair state x operation cells | ${pairs.covered} of ${pairs.documented} (${percent(pairs.covered, pairs.documented)}) |`,
    `| group state x operation cells | ${groups.covered} of ${groups.documented} (${percent(groups.covered, groups.documented)}) |`,
    `| nonconformances | ${run.failures.length} |`,
    `| inconclusive | ${run.inconclusive.length} |`,
    `| transient faults retried | ${run.transient.reduce((n, t) => n + t.count, 0)} |`,
  ];
  if (run.failures.length > 0) {
    lines.push('', '### Nonconformances', '');
    for (const f of run.failures)
      lines.push(
        `- **${f.category}** in \`${f.operation}\` (${f.rules.join(', ') || 'no rule'}): expected ${f.expected}, received ${f.received}. Replay: \`${f.replay}\``,
      );
  }
  return `${lines.join('\n')}\n`;
}
