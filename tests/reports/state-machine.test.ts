import { describe, expect, it } from 'vitest';
import { DOCUMENTED_TRANSITIONS } from '../../api/state-machines';
import { renderHtml } from '../../reports/html/page';
import { drawnTransitions, stateMachineSvg } from '../../reports/html/state-machine';
import type { RunRecord } from '../../reports/run-record';
import { FAILURE, sampleRecord } from './fixture';

/** Each operation label of an arrow: `from -> to Operation xHITS state`, in drawing order. */
const labels = (svg: string) =>
  [...svg.matchAll(/<g class="edge \w+" data-from="([^"]*)" data-to="([^"]*)">([\s\S]*?)<\/g>/g)].flatMap(
    (edge) =>
      [...(edge[3] ?? '').matchAll(/class="op (\w+)" data-operation="([^"]*)" data-hits="(\d+)"/g)].map(
        (op) => `${edge[1]} -> ${edge[2]} ${op[2]} x${op[3]} ${op[1]}`,
      ),
  );
const arrow = (svg: string, from: string, to: string) =>
  new RegExp(
    `<g class="edge (\\w+)" data-from="${from.replace(/[()]/g, '\\$&')}" data-to="${to.replace(/[()]/g, '\\$&')}">`,
  ).exec(svg)?.[1];

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
  it('draws every documented transition, and colours each by what the run did: observed and held, observed and failed, never provoked', () => {
    const transitionFailure = {
      ...FAILURE,
      category: 'transition' as const,
      operation: 'FailoverDiskReplicaPair',
    };
    const run = withTransitions({ failures: [FAILURE, transitionFailure] });
    const pair = labels(stateMachineSvg(run, 'pair', run.coverage.pairs));
    expect(pair).toContain('(none) -> created CreateDiskReplicaPair x9 held');
    expect(pair).toContain('created -> normal StartDiskReplicaPair x3 held');
    expect(pair).toContain('normal -> failovered FailoverDiskReplicaPair x1 failed');
    // Documented, never provoked: the group's Start of a member, a one-shot start, a Reprotect.
    expect(pair).toContain('created -> normal StartDiskReplicaGroup x0 unprovoked');
    expect(pair).toContain('created -> stopped StartDiskReplicaPair x0 unprovoked');
    expect(pair).toContain('failovered -> stopped ReprotectDiskReplicaPair x0 unprovoked');
    // Deletes end in their own node, apart from (none).
    expect(pair).toContain('stopped -> (gone) DeleteDiskReplicaPair x0 unprovoked');
    const group = labels(stateMachineSvg(run, 'group', run.coverage.groups));
    expect(group).toContain('created -> normal StartDiskReplicaGroup x2 held');
    expect(group).toContain('failovered -> stopped ReprotectDiskReplicaGroup x0 unprovoked');
    // An error-code failure says nothing about where a transition went: its label stays green.
    const codesOnly = withTransitions({ failures: [{ ...FAILURE, operation: 'FailoverDiskReplicaPair' }] });
    expect(labels(stateMachineSvg(codesOnly, 'pair', codesOnly.coverage.pairs))).toContain(
      'normal -> failovered FailoverDiskReplicaPair x1 held',
    );
  });

  it('an arrow takes the worst colour of its labels: dashed grey only when nothing on it was provoked', () => {
    const run = withTransitions({});
    const svg = stateMachineSvg(run, 'pair', run.coverage.pairs);
    // created -> normal: the pair's Start observed, the group's Start not.
    expect(arrow(svg, 'created', 'normal')).toBe('held');
    expect(arrow(svg, 'failovered', 'stopped')).toBe('unprovoked');
    const failed = withTransitions({
      failures: [{ ...FAILURE, category: 'state' as const, operation: 'StartDiskReplicaPair' }],
    });
    expect(arrow(stateMachineSvg(failed, 'pair', failed.coverage.pairs), 'created', 'normal')).toBe('failed');
  });

  it('an observed change the table lacks is drawn apart, as undocumented, and listed under the picture', () => {
    const run = withTransitions({});
    const odd = {
      ...run,
      coverage: {
        ...run.coverage,
        transitions: [
          ...run.coverage.transitions,
          {
            kind: 'pair' as const,
            from: 'normal',
            to: 'failovered',
            operation: 'StopDiskReplicaPair',
            hits: 1,
          },
        ],
      },
    };
    expect(labels(stateMachineSvg(odd, 'pair', odd.coverage.pairs))).toContain(
      'normal -> failovered StopDiskReplicaPair x1 undocumented',
    );
    expect(arrow(stateMachineSvg(odd, 'pair', odd.coverage.pairs), 'normal', 'failovered')).toBe(
      'undocumented',
    );
    expect(renderHtml(odd)).toMatch(
      /Observed, not documented:<\/p><ul><li>normal → failovered by StopDiskReplicaPair<\/li>/,
    );
  });

  it('counts what was provoked of each machine, drills included, and an arrow is as wide as it was frequent', () => {
    const run = withTransitions({
      observedPaths: [
        {
          kind: 'drill',
          operation: 'StartPairDrill',
          model: 'executing → executed',
          observed: '—',
          count: 2,
          p50: 1,
          p90: 1,
          p99: 1,
          max: 1,
          totalMs: 2,
          histogram: {},
        },
      ],
    });
    const drawn = drawnTransitions(run, 'pair');
    const documented = DOCUMENTED_TRANSITIONS.filter((t) => t.kind === 'pair').length;
    expect(drawn.length).toBe(documented);
    expect(drawn.filter((t) => t.state !== 'unprovoked').length).toBe(3);
    expect(labels(stateMachineSvg(run, 'drill'))).toEqual([
      '(none) -> executed StartPairDrill x2 held',
      '(none) -> executed StartReplicaGroupDrill x0 unprovoked',
      'executed -> (gone) ClearPairDrill x0 unprovoked',
      'executed -> (gone) ClearReplicaGroupDrill x0 unprovoked',
      'execute_failed -> (gone) ClearPairDrill x0 unprovoked',
      'execute_failed -> (gone) ClearReplicaGroupDrill x0 unprovoked',
      'clear_failed -> (gone) ClearPairDrill x0 unprovoked',
      'clear_failed -> (gone) ClearReplicaGroupDrill x0 unprovoked',
    ]);
    const html = renderHtml(run);
    expect(html).toContain(`3 of ${documented} documented transitions observed`);
    expect(html).toContain('<svg class="state-machine" role="img" aria-label="drill state machine"');
    const svg = stateMachineSvg(run, 'pair', run.coverage.pairs);
    const width = (from: string, to: string) =>
      Number(
        new RegExp(
          `data-from="${from.replace(/[()]/g, '\\$&')}" data-to="${to}"><title>[^<]*</title><path d="[^"]*" stroke-width="([\\d.]+)"`,
        ).exec(svg)?.[1],
      );
    expect(width('(none)', 'created')).toBeGreaterThan(width('created', 'normal'));
    expect(width('created', 'normal')).toBeGreaterThan(width('normal', 'failovered'));
    // A status whose documented operations were not all tried says so.
    const missed = run.coverage.pairs.cells.filter((c) => c.documented && c.hits === 0).map((c) => c.state);
    for (const state of new Set(missed))
      expect(svg).toMatch(new RegExp(`class="node has-missed" data-status="${state}"`));
  });
});
