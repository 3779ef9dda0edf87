/**
 * The real-account section of the summary and the HTML report (`run --target real`): the caps,
 * what the run created and held at most, and what its cleanup removed and left, by ID. A night
 * whose cleanup left something says so at the top of this section, with the command that
 * finishes the job.
 */
import type { RealRunRecord, RunRecord, SweptResource } from './run-record';

type Cell = (text: string) => string;

const resources = (r: RealRunRecord['created']) =>
  `${r.disks} disks (${r.gib} GiB), ${r.pairs} pairs, ${r.groups} groups`;

const idList = (rows: readonly SweptResource[], cell: Cell) =>
  rows.map((r) => `${r.kind} ${cell(r.id)} (${cell(r.region)}, ${cell(r.status)})`).join('; ') || 'none';

/** Markdown lines (empty when the run was not against a real account). */
export function realAccountMarkdown(run: RunRecord, cell: Cell): string[] {
  const real = run.real;
  if (!real) return [];
  const { caps, cleanup } = real;
  return [
    '',
    '### Real account',
    '',
    `Run \`${cell(real.runId)}\`: ${real.calls} calls${real.stopped ? `; stopped: ${cell(real.stopped)}` : ''}.`,
    '',
    '| | |',
    '| --- | --- |',
    `| caps (alive at once) | ${caps.disks} disks, ${caps.gib} GiB, ${caps.pairs} pairs, ${caps.groups} groups; ${caps.calls} calls, ${caps.minutes} min in all |`,
    `| created in all | ${resources(real.created)} |`,
    `| most alive at once | ${resources(real.peakLive)} |`,
    ...betweenLines(real.betweenSequences, cell),
    `| cleanup | **${cleanup.result}**: ${cleanup.removed.length} removed, ${cleanup.left.length} left, ${cleanup.calls} calls${cleanup.error ? `; ${cell(cleanup.error)}` : ''} |`,
    `| removed | ${idList(cleanup.removed, cell)} |`,
    `| left | ${idList(cleanup.left, cell)} |`,
    ...(cleanup.again ? ['', `Finish the cleanup: \`${cell(cleanup.again)}\``] : []),
  ];
}

/** The cleanups after each sequence: totals, and each that left something, with its IDs. */
function betweenLines(between: RealRunRecord['betweenSequences'], cell: Cell): string[] {
  if (!between) return [];
  const failed = between.failures.map(
    (f) =>
      `sequence ${f.lane}.${f.sequence}: ${f.error ? cell(f.error) : `left ${idList(f.left, cell)}`} (held ${cell(f.held.join(', '))})`,
  );
  return [
    `| cleanup after each sequence | ${between.sequences} sequences: ${between.removed.length} removed, ${between.calls} calls, ${between.failures.length} incomplete |`,
    `| removed after each sequence | ${idList(between.removed, cell)} |`,
    ...(failed.length > 0 ? [`| left between sequences | ${failed.join('; ')} |`] : []),
  ];
}
