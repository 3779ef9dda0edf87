import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../reports/html/page';
import { stateMachineSvg } from '../../reports/html/state-machine';
import type { RunRecord } from '../../reports/run-record';
import { FAILURE, sampleRecord } from './fixture';

const edges = (svg: string) =>
  [
    ...svg.matchAll(
      /<g class="edge (\w+)" data-from="([^"]*)" data-to="([^"]*)" data-operation="([^"]*)" data-hits="(\d+)">/g,
    ),
  ].map((m) => `${m[2]} -> ${m[3]} ${m[4]} x${m[5]} ${m[1]}`);

function withTransitions(overrides: Partial<RunRecord>): RunRecord {
  const base = sampleRecord();
  return {
    ...base,
    coverage: {
      ...base.coverage,
      transitions: [
        { kind: 'pair', from: '(none)', to: 'created', operation: 'CreateDiskReplicaPair', hits: 9 },
        { kind: 'pair', from: 'created', to: 'normal', operation: 'StartDiskReplicaPair', hits: 3 },
        { kind: 'pair', from: 'normal', to: 'failovered', operation: 'FailoverDiskReplicaPair', hits: 1 },
        { kind: 'group', from: 'created', to: 'normal', operation: 'StartDiskReplicaGroup', hits: 2 },
      ],
    },
    ...overrides,
  };
}

describe('the state-machine pictures of report.html', () => {
  it('draws one arrow per observed transition of its kind, coloured by the verdict on its operation', () => {
    const transitionFailure = {
      ...FAILURE,
      category: 'transition' as const,
      operation: 'FailoverDiskReplicaPair',
    };
    const run = withTransitions({ failures: [FAILURE, transitionFailure] });
    expect(edges(stateMachineSvg(run, 'pair', run.coverage.pairs))).toEqual([
      '(none) -> created CreateDiskReplicaPair x9 held',
      'created -> normal StartDiskReplicaPair x3 held',
      'normal -> failovered FailoverDiskReplicaPair x1 failed',
    ]);
    expect(edges(stateMachineSvg(run, 'group', run.coverage.groups))).toEqual([
      'created -> normal StartDiskReplicaGroup x2 held',
    ]);
    // An error-code failure says nothing about where a transition went: its arrow stays green.
    const codesOnly = withTransitions({ failures: [{ ...FAILURE, operation: 'FailoverDiskReplicaPair' }] });
    expect(edges(stateMachineSvg(codesOnly, 'pair', codesOnly.coverage.pairs))).toContain(
      'normal -> failovered FailoverDiskReplicaPair x1 held',
    );
  });

  it('marks a status whose documented operations were not all tried, and an arrow is as wide as it was frequent', () => {
    const run = withTransitions({});
    const svg = stateMachineSvg(run, 'pair', run.coverage.pairs);
    const missed = run.coverage.pairs.cells.filter((c) => c.documented && c.hits === 0).map((c) => c.state);
    for (const state of new Set(missed))
      expect(svg).toMatch(new RegExp(`class="node has-missed" data-status="${state}"`));
    const width = (op: string) =>
      Number(
        new RegExp(
          `data-operation="${op}"[^>]*><title>[^<]*</title><path d="[^"]*" stroke-width="([\\d.]+)"`,
        ).exec(svg)?.[1],
      );
    expect(width('CreateDiskReplicaPair')).toBeGreaterThan(width('StartDiskReplicaPair'));
    expect(width('StartDiskReplicaPair')).toBeGreaterThan(width('FailoverDiskReplicaPair'));
    expect(renderHtml(run)).toContain(
      '<svg class="state-machine" role="img" aria-label="pair state machine"',
    );
  });
});
