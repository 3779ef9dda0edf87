/**
 * The target for a real account: the HTTP client at the regional endpoints (or one overriding
 * base URL: an emulator with realistic timing, a proxy), wrapped in the rails a shared, billed
 * account needs. Before a call leaves: the run's namespace is applied (tag, name, tokens, tag
 * filters), the guard checks it names only the run's own resources and buys no subscription, the
 * caps are checked, and a create's intent is journalled with its ClientToken. After: the new ID
 * is journalled before anyone can use it. Once stopped (a cap, a signal) every call is refused
 * unsent, so the run winds down to its cleanup without touching the account again.
 *
 * What is alive is the inventory's (real-inventory.ts), which this target only reads: it learns
 * from the run's target events, to which the CLI subscribes it (cli/real-run.ts). A create holds
 * its share of the caps from before it is sent until the inventory has seen its answer, so no
 * call is ever checked against a footprint that misses it.
 */
import { findOperation } from '../api';
import type { CredentialsInput } from './credentials';
import { fixedEndpoint, normalizeBaseUrl, realEndpoints, routingRegion } from './endpoints';
import { createHttpTarget, type HttpTargetOptions } from './http-target';
import type { Journal, ResourceKind } from './journal';
import { answerAsAsked, createNamespacer, createShape } from './namespace';
import {
  type Caps,
  capProblem,
  count,
  DEFAULT_REAL_CAPS,
  type Footprint,
  noUsage,
  ownershipProblem,
  prepayProblem,
  startedId,
  type Usage,
} from './real-guard';
import type { Inventory, InventorySnapshot } from './real-inventory';
import { sizeOf } from './real-inventory';
import { type ApiCall, DEFAULT_VARIANT, type Exchange, resolveVariant, type Target } from './target';

export interface RealTargetOptions extends Omit<HttpTargetOptions, 'baseUrl' | 'capabilities'> {
  /** One base URL for every product and region instead of `{product}.{region}.aliyuncs.com`. */
  readonly endpoint?: string;
  /** Fixed, or a source asked before every request (a token that expires is refreshed). */
  readonly credentials: CredentialsInput;
  /** Where calls naming no region go (`--region`): `{product}.{region}.aliyuncs.com`. */
  readonly region?: string;
  /** The account's resource groups the run may put what it creates in (`--resource-group`): none by default. */
  readonly resourceGroups?: readonly string[];
  readonly runId: string;
  readonly journal: Journal;
  readonly caps?: Caps;
  readonly allowPrepay?: boolean;
  /** What the run holds, learnt from its exchanges: the caps read it; whoever builds the target feeds it. */
  readonly inventory: Inventory;
  /** The cleanup between sequences (real-cleanup.ts), which a create waits on for room. */
  readonly housekeeping?: Housekeeping;
  /** Wall clock for the time cap (epoch ms). */
  readonly now?: () => number;
}

/** What frees room under the caps while the run goes on: the cleanup after each sequence. */
export interface Housekeeping {
  /** Resolves once no cleanup is in flight: a create is checked against what they leave. */
  idle(): Promise<void>;
  /** Waits until another sequence's end may have freed room: false when none can (nothing else runs). */
  roomMayFree(): Promise<boolean>;
}

export interface RealTargetStatus extends InventorySnapshot {
  /** Creates and calls sent over the whole run. */
  readonly usage: Readonly<Usage>;
  /** The most the run held at once (live resources, creates in flight included). */
  readonly peak: Readonly<Footprint>;
  readonly caps: Caps;
  readonly elapsedMs: number;
  readonly stopped: string | undefined;
}

export interface RealTarget extends Target {
  readonly kind: 'real';
  readonly runId: string;
  /** Refuses every call from now on; the first reason is kept. */
  stop(reason: string): void;
  status(): RealTargetStatus;
}

/** A create's share of the caps, held from before it is sent until the inventory saw its answer. */
interface Hold {
  readonly kind: ResourceKind | undefined;
  readonly size: number;
  answer?: Exchange;
}

export function createRealTarget(options: RealTargetOptions): RealTarget {
  const http = createHttpTarget({
    ...options,
    ...(options.endpoint ? { baseUrl: options.endpoint } : {}),
  });
  const endpoints = options.endpoint ? fixedEndpoint(options.endpoint) : realEndpoints();
  const caps = options.caps ?? DEFAULT_REAL_CAPS;
  const now = options.now ?? Date.now;
  const startedAt = now();
  const namespace = createNamespacer(options.runId);
  const usage = noUsage();
  const peak: Footprint = { disks: 0, pairs: 0, groups: 0, gib: 0 };
  const holds = new Set<Hold>();
  const owned = new Set<string>();
  const resourceGroups = [...(options.resourceGroups ?? [])];
  const givenGroups = new Set(resourceGroups);
  const { inventory } = options;
  let stopped: string | undefined;

  /** An exchange for a call that never left the machine. */
  const refused = (call: ApiCall, message: string): Exchange => {
    const variant = resolveVariant(DEFAULT_VARIANT, call.variant);
    const origin = endpoints.originFor(call.product, routingRegion(call.params, call.region));
    return {
      call,
      variant,
      request: { method: variant.method, url: `${origin}/`, headers: {}, body: '' },
      outcome: { kind: 'failure', reason: 'refused', message },
      startedAt: now(),
      durationMs: 0,
      attempts: 0,
      retried: [],
    };
  };

  /** Live resources (as the inventory knows them) and creates whose answer it has not seen yet. */
  const footprint = (): Footprint => {
    const { live, liveGiB } = inventory.snapshot();
    const held: Footprint = { disks: 0, pairs: 0, groups: 0, gib: 0 };
    for (const hold of holds)
      if (hold.answer && inventory.saw(hold.answer)) holds.delete(hold);
      else count(held, hold.kind, hold.size);
    return {
      disks: live.disk + held.disks,
      pairs: live.pair + live['legacy-pair'] + held.pairs,
      groups: live.group + held.groups,
      gib: liveGiB + held.gib,
    };
  };

  /**
   * A create past a resource cap waits while another sequence may still end and have what it
   * holds cleaned up; it gives up when none can (and at once on the calls and wall-time caps). The
   * caller checks the caps again right after, with no wait between that check and its hold.
   */
  async function waitForRoom(housekeeping: Housekeeping, kind: ResourceKind, size: number): Promise<void> {
    for (;;) {
      await housekeeping.idle();
      const elapsed = now() - startedAt;
      if (stopped || !capProblem(caps, footprint(), usage.calls, elapsed, kind, size)) return;
      if (capProblem(caps, footprint(), usage.calls, elapsed, undefined, 0)) return;
      if (!(await housekeeping.roomMayFree())) return;
    }
  }

  async function send(original: ApiCall): Promise<Exchange> {
    if (stopped) return refused(original, stopped);
    const op = findOperation(original.product, original.version, original.action);
    const shape = createShape(op);
    const params = namespace.decorate(op, original.params);
    const call: ApiCall = {
      ...original,
      params,
      ...(original.region === undefined && options.region ? { region: options.region } : {}),
    };
    // The exchange names the call as the caller asked it; its request shows what went on the wire.
    // A cassette matches a replayed run's calls on the former, which carries no run tag or name.
    const asAsked = (exchange: Exchange): Exchange => ({ ...exchange, call: original });
    const problem =
      ownershipProblem(params, owned, givenGroups) ??
      (options.allowPrepay ? undefined : prepayProblem(params));
    if (problem) return asAsked(refused(call, problem));
    const size = sizeOf(params);
    if (shape && options.housekeeping) await waitForRoom(options.housekeeping, shape.kind, size);
    if (stopped) return asAsked(refused(call, stopped));
    const capped = capProblem(caps, footprint(), usage.calls, now() - startedAt, shape?.kind, size);
    if (capped) {
      stopped = capped;
      return asAsked(refused(call, capped));
    }
    usage.calls += 1;
    count(usage, shape?.kind, size);
    const hold: Hold = { kind: shape?.kind, size };
    if (shape) holds.add(hold);
    for (const [k, v] of Object.entries(footprint()) as [keyof Footprint, number][])
      peak[k] = Math.max(peak[k], v);
    try {
      hold.answer = asAsked(await sendCounted(call, shape));
      return hold.answer;
    } catch (e) {
      holds.delete(hold);
      throw e;
    }
  }

  async function sendCounted(call: ApiCall, shape: ReturnType<typeof createShape>): Promise<Exchange> {
    const { params } = call;
    const region = routingRegion(params, call.region) ?? '';
    const clientToken = typeof params.ClientToken === 'string' ? params.ClientToken : undefined;
    if (shape)
      options.journal.write({
        t: 'intent',
        kind: shape.kind,
        action: call.action,
        region,
        ...(clientToken ? { clientToken } : {}),
      });
    const exchange = answerAsAsked(await http.send(call));
    usage.calls += Math.max(0, exchange.attempts - 1);
    const { outcome } = exchange;
    if (outcome.kind !== 'success') return exchange;
    const id = shape ? outcome.body[shape.idField] : undefined;
    if (shape && typeof id === 'string') {
      options.journal.write({
        t: 'created',
        kind: shape.kind,
        id,
        region,
        ...(clientToken ? { clientToken } : {}),
      });
      owned.add(id);
    }
    const started = startedId(call.product, call.action, outcome.body);
    if (started) owned.add(started);
    return exchange;
  }

  return {
    kind: 'real',
    runId: options.runId,
    endpoint: options.endpoint ? normalizeBaseUrl(options.endpoint) : undefined,
    resourceGroups,
    capabilities: { reset: false, clockControl: false, admin: false, costsMoney: true, parallelSafe: true },
    send,
    stop(reason) {
      stopped ??= reason;
    },
    status: () => ({
      ...inventory.snapshot(),
      usage: { ...usage },
      peak: { ...peak },
      caps,
      elapsedMs: now() - startedAt,
      stopped,
    }),
    close: () => http.close?.() ?? Promise.resolve(),
  };
}
