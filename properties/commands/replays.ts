import fc from 'fast-check';
import { refusedForState } from '../../api';
import { RESOURCES } from '../../api/resources';
import type { ModelState } from '../../model';
import type { TokenRecord } from '../../model/state';
import { CallCommand } from '../command';
import { label, nth, variant } from './toolkit';

/**
 * A client retrying an accepted call later, with its ClientToken: any call that bound one, most
 * often a create, after whatever the sequence did since. The idempotence page gives both cases:
 * the same parameters answer the first result again with no further effect (the same IDs, no
 * second resource: TOKEN.SAME_PARAMS_SAME_RESULT), other parameters are IdempotentParameterMismatch
 * (TOKEN.OTHER_PARAMS_MISMATCH). The retry goes out in a generated variant: the signature's
 * parameters are not part of the comparison (TOKEN.SIGNATURE_PARAMS_IGNORED). A retry of a call
 * with no name to change carries the token to another action's call instead (reading
 * client-token-scope: a new token there, or a reuse with other parameters).
 */

/** The name a create carries: changing it (a valid name either way) is the other-parameters retry. */
const NAME_OF: Readonly<Record<string, string>> = {
  CreateDiskReplicaPair: 'PairName',
  CreateDiskReplicaGroup: 'GroupName',
  CreateDisk: 'DiskName',
};
const OTHER_NAME = 'renamed-on-retry';

const isCreate = (r: TokenRecord) => Object.keys(r.result).length > 0;

/**
 * Whether every pair, group and disk the call named or made is still there (not being deleted).
 * How long a region keeps a token once its resource is gone the docs do not say, so a retry then
 * would judge our guess: it is not drawn.
 */
function resourcesRemain(s: ModelState, r: TokenRecord): boolean {
  const named = [...Object.values(r.result), ...Object.values(r.call.params)];
  return named.every((id) => {
    if (typeof id !== 'string') return true;
    if (id.startsWith(RESOURCES.pair.prefix)) {
      const pair = s.pairs[id];
      return pair !== undefined && pair.status !== 'deleting';
    }
    if (id.startsWith(RESOURCES.group.prefix)) {
      const group = s.groups[id];
      return group !== undefined && group.status !== 'deleting' && group.status !== 'deleted';
    }
    if (id.startsWith(RESOURCES.disk.prefix)) return s.disks[id] !== undefined;
    return true;
  });
}

/** Another action's call of the same API that bound a token, the `n`th of them. */
const carriedTo = (all: readonly TokenRecord[], from: TokenRecord, n: number): TokenRecord | undefined =>
  nth(
    all.filter(
      (r) =>
        r.call.action !== from.call.action &&
        r.call.product === from.call.product &&
        r.call.version === from.call.version,
    ),
    n,
  );

const replayCall = fc
  .record({
    call: fc.nat(),
    // Creates first: a second resource is the costliest way to get idempotency wrong.
    creates: fc.constantFrom(true, true, true, false),
    renamed: fc.constantFrom(false, false, false, true),
    variant,
  })
  .map(
    (g) =>
      new CallCommand('retry', g, (s: ModelState) => {
        const held = Object.values(s.tokens).filter((r) => resourcesRemain(s, r));
        const all = held.filter((r) => r.refusedWith === undefined);
        // A call refused for the state of a resource, retried with its token (reading
        // refused-call-token: run as new, or answered that refusal again).
        const refused = held.filter((r) => r.refusedWith !== undefined && refusedForState(r.refusedWith));
        const creates = all.filter(isCreate);
        const pool = g.creates && creates.length > 0 ? creates : [...all, ...refused];
        const chosen = nth(pool, g.call);
        if (!chosen) return undefined;
        const { call } = chosen;
        const name = NAME_OF[call.action];
        const rename = g.renamed && name !== undefined;
        if (chosen.refusedWith !== undefined)
          return {
            call: rename ? { ...call, params: { ...call.params, [name]: OTHER_NAME } } : call,
            variant: g.variant,
            label: label(
              `retry ${call.action}`,
              `as refused token#${refused.indexOf(chosen)}`,
              rename ? `${name} changed` : 'same parameters',
            ),
          };
        // A call with nothing to rename is sent again as another action's accepted call carrying
        // this token instead of its own: what reading client-token-scope turns on.
        const carried = g.renamed && !rename ? carriedTo(all, chosen, g.call) : undefined;
        if (carried)
          return {
            call: {
              ...carried.call,
              params: { ...carried.call.params, ClientToken: call.params.ClientToken },
            },
            variant: g.variant,
            label: label(
              `retry ${carried.call.action}`,
              `as token#${all.indexOf(carried)}`,
              `with the token of ${call.action} (token#${all.indexOf(chosen)})`,
            ),
          };
        const params = rename ? { ...call.params, [name]: OTHER_NAME } : call.params;
        return {
          call: { ...call, params },
          variant: g.variant,
          label: label(
            `retry ${call.action}`,
            // The position among the calls that bound a token: IDs differ between targets.
            `as token#${all.indexOf(chosen)}`,
            rename ? `${name} changed` : 'same parameters',
          ),
        };
      }),
  );

export const REPLAY_COMMANDS = { replayCall };

/** How often each command is drawn (properties/commands/index.ts gathers the families). */
export const REPLAY_WEIGHTS = { replayCall: 10 } satisfies Record<keyof typeof REPLAY_COMMANDS, number>;
