import { describe, expect, it } from 'vitest';
import type { ModelState } from '../model';
import { pairScenario } from '../model/testkit';
import { transient_status_conformance } from './checks/transient-status';
import { allowedPath, type SettleRead } from './settle';

const withStatus = (s: ModelState, status: string): ModelState => {
  const pair = s.pairs['pair-1'];
  if (!pair) throw new Error('pair-1 missing');
  return { ...s, pairs: { ...s.pairs, 'pair-1': { ...pair, status } as typeof pair } };
};

const read = { kind: 'pair', id: 'pair-1', planned: {} } as unknown as SettleRead;

describe('allowedPath', () => {
  it('a change that leaves an active pair active (tagging it) lets the first read catch a periodic sync', () => {
    const normal = withStatus(pairScenario(), 'normal');
    const tagging = { operation: 'TagResources', rules: [], transient: [], settlesIn: [] };
    const path = allowedPath(read, normal, normal, tagging);
    expect(path.transient).toContain('syncing');
    expect(transient_status_conformance(path, [], 'syncing', 'DescribeDiskReplicaPairs')).toBeUndefined();
    // Never a status from elsewhere in the life cycle.
    expect(transient_status_conformance(path, [], 'stopped', 'DescribeDiskReplicaPairs')).toBeDefined();
  });

  it('a change of status does not: a stop shows stopping, then stopped, never a sync', () => {
    const stop = {
      operation: 'StopDiskReplicaPair',
      rules: [],
      transient: ['stopping'],
      settlesIn: ['stopped'],
    };
    const path = allowedPath(
      read,
      withStatus(pairScenario(), 'stopping'),
      withStatus(pairScenario(), 'stopped'),
      stop,
    );
    expect(path.transient).not.toContain('syncing');
    expect(transient_status_conformance(path, [], 'syncing', 'DescribeDiskReplicaPairs')).toBeDefined();
  });
});
