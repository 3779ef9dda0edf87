import {
  type ClientTokenGate,
  type EmulatorControl,
  type EmulatorService,
  type ServiceBody,
  type ServiceCall,
  ServiceError,
  type ServiceOptions,
} from './api';
import type { OpContext } from './context';
import { ROUTES } from './dispatch';
import { journal } from './journal';
import { loadState, saveState } from './persistence';
import { DEFAULT_EMULATOR_READINGS } from './readings';
import { pruneGone } from './replication';
import { type AccountState, emptyState, type ServiceState } from './state';
import { InFlightTokens, remember, rememberRefusal, replay } from './tokens';

const emptyAccount = (): AccountState => ({ disks: {}, pairs: {}, groups: {}, tokens: {} });

/**
 * The emulator's service: per-account stores, the operations, idempotency and persistence.
 * Each call runs to completion synchronously, so two requests can never interleave between
 * reading and writing state. A mutation works on the caller's account through an undo log
 * (journal.ts) and is kept (and saved) only when it succeeds: a refusal is rolled back, so it
 * never leaves half a change.
 */
export function createEmulatorService(
  options: ServiceOptions,
): EmulatorService & EmulatorControl & ClientTokenGate {
  const { clock, stateFile, transitionMs } = options;
  const readings = options.readings ?? DEFAULT_EMULATOR_READINGS;
  const seed = options.idSeed ?? 1;
  let state: ServiceState = (stateFile ? loadState(stateFile) : undefined) ?? emptyState(seed, clock.now());
  // A manual or fast clock restarts behind the saved state; resume where it left off so
  // nothing appears to have happened before it was created.
  if (state.savedAt > clock.now()) clock.resume?.(state.savedAt);
  const inFlight = new InFlightTokens();

  function commit(next: ServiceState): void {
    state = next;
    if (stateFile) saveState(stateFile, next);
  }

  function handle(call: ServiceCall): ServiceBody {
    const key = `${call.product}:${call.version}:${call.action}`;
    const route = ROUTES.get(key);
    if (!route) throw new ServiceError('InvalidApi.NotFound', `The action ${call.action} is not supported.`);
    const now = clock.now();
    const committed = state.accounts[call.accessKeyId];
    if (!route.mutating) {
      const ctx: OpContext = {
        account: committed ?? emptyAccount(),
        ids: state.ids,
        now,
        transitionMs,
        readings,
      };
      return route.fn(ctx, call.params);
    }
    inFlight.check(call);
    const repeated = replay(committed, call, readings);
    if (repeated) return repeated;
    const account = committed ?? emptyAccount();
    const ids = { ...state.ids };
    const undo = journal(account);
    let body: ServiceBody;
    try {
      const ctx: OpContext = { account: undo.view, ids, now, transitionMs, readings };
      pruneGone({ account, now, transitionMs }, undo.view);
      body = undo.plain(route.fn(ctx, call.params));
    } catch (err) {
      undo.rollback();
      if (err instanceof ServiceError && rememberRefusal(account, call, err, readings)) {
        state.accounts[call.accessKeyId] = account;
        commit(state);
      }
      throw err;
    }
    remember(account, call, body, readings);
    state.accounts[call.accessKeyId] = account;
    state.ids = ids;
    state.savedAt = now;
    commit(state);
    return body;
  }

  return {
    handle,
    clock,
    reset() {
      commit(emptyState(seed, clock.now()));
    },
    snapshot() {
      return structuredClone(state);
    },
    holdClientToken: (call) => inFlight.hold(call),
  };
}
