import { describe, expect, it } from 'vitest';
import * as api from '../../api';
import { type OperationFn, route } from '../../emulator/service/context';
import { decide, type Handler } from '../../model/context';
import { observe } from '../../model/expectation';

// Every model decision and emulator route receives its operation's parsed, typed request: the
// registries refuse, at compile time (`tsc --noEmit`, part of `npm test`), a handler written for
// any operation. The `@ts-expect-error` lines below fail the typecheck if that ever stops being so.

const anyOperation: Handler = (ctx) => observe(ctx.state, { rules: [] });
const forRegions: Handler<typeof api.DescribeRegions> = (ctx) =>
  observe(ctx.state, { rules: [], facts: { kind: ctx.params.ResourceType } });

describe('handlers read their request typed', () => {
  it('a model decision must be written for its operation', () => {
    expect(decide(api.DescribeRegions, forRegions).op).toBe(api.DescribeRegions);
    // @ts-expect-error a handler for any operation reads unknown parameters: not a decision
    decide(api.DescribeRegions, anyOperation);
    // @ts-expect-error a handler written for another operation
    decide(api.StartPairDrill, forRegions);
    const typo: Handler<typeof api.StartPairDrill> = (ctx) =>
      // @ts-expect-error StartPairDrill has no ReplicaPairId (it names the pair PairId)
      observe(ctx.state, { rules: [], facts: { id: ctx.params.ReplicaPairId } });
    expect(typeof typo).toBe('function');
  });

  it('an emulator route must be written for its operation', () => {
    const DescribeRegions: OperationFn<typeof api.DescribeRegions> = (_ctx, p) => ({ Type: p.ResourceType });
    const anyCall: OperationFn = () => ({});
    expect(route(api.DescribeRegions, DescribeRegions).mutating).toBe(false);
    // @ts-expect-error an operation function for any operation
    route(api.DescribeRegions, anyCall);
    // @ts-expect-error written for another operation
    route(api.StartPairDrill, DescribeRegions);
  });
});
