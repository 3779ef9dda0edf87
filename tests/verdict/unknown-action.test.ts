import { describe, expect, it } from 'vitest';
import { createDirectTarget } from '../../adapters/direct-target';
import type { Target } from '../../adapters/target';
import { findOperation } from '../../api';
import { runAgainst } from '../readings/support';

// PROTO.UNKNOWN_ACTION: generated calls name actions neither product serves (the protocol command
// family), and their answers are judged like any other: the emulator's InvalidApi.NotFound passes,
// a gateway that serves them anyway is a nonconformance naming the rule.

const RULE = 'PROTO.UNKNOWN_ACTION';

/** A target whose gateway answers an unserved action as if it were DescribeRegions. */
function servingUnknownActions(target: Target): Target & { served: () => number } {
  let served = 0;
  return {
    ...target,
    served: () => served,
    async send(call) {
      if (findOperation(call.product, call.version, call.action)) return target.send(call);
      served += 1;
      const exchange = await target.send({
        ...call,
        product: 'ebs',
        version: '2021-07-30',
        action: 'DescribeRegions',
      });
      return { ...exchange, call };
    },
  };
}

// A seed whose 12 sequences send an unserved action (one in a few seeds does at this size).
const run = (target: Target) => runAgainst({ target, seed: 2, runs: 12 });

describe('an action the service does not serve', () => {
  it('is sent by generated sequences and judged: the emulator refusing it is conformant', async () => {
    const { record } = await run(createDirectTarget({ transitionMs: 1000, clockMode: 'manual' }));
    expect(record.verdict).toBe('conformant');
    const rule = record.rules.find((r) => r.id === RULE);
    expect(rule?.refused).toBeGreaterThan(0);
    expect(rule?.observedCodes).toEqual({ 'InvalidApi.NotFound': rule?.refused });
  }, 120_000);

  it('served anyway, it is a nonconformance naming the rule', async () => {
    const target = servingUnknownActions(createDirectTarget({ transitionMs: 1000, clockMode: 'manual' }));
    const { record } = await run(target);
    expect(target.served()).toBeGreaterThan(0);
    expect(record.verdict).toBe('nonconformant');
    expect(record.failures[0]?.rules).toContain(RULE);
  }, 120_000);
});
