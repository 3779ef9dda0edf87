/**
 * The seam between the emulator's protocol shell (HTTP, auth, encoding, validation) and its
 * service (state, rules, jobs). The protocol hands the service a call whose parameters have
 * already passed the operation's request schema from api/; the service answers with a body
 * or a ServiceError. The same service serves the node:http server and the in-process msw target.
 */
import type { Product, ReadingChoices } from '../../api';

export interface ServiceCall {
  readonly product: Product;
  readonly version: string;
  readonly action: string;
  /** Typed parameters: the output of the operation's request schema. */
  readonly params: Readonly<Record<string, unknown>>;
  readonly requestId: string;
  /** The AccessKeyId that signed the call (resources are per account). */
  readonly accessKeyId: string;
}

/** A documented refusal. The protocol layer renders it with the catalogue's HTTP status. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: string,
    message?: string,
    /** Overrides the catalogue's status where the operation documents another one. */
    readonly httpStatus?: number,
  ) {
    // A refusal is an answer, thrown on every refused call: its stack is never read, and
    // capturing one cost more than building the answer.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message ?? code);
    Error.stackTraceLimit = limit;
  }
}

/** The success body, without RequestId (the protocol adds it). */
export type ServiceBody = Record<string, unknown>;

export interface EmulatorService {
  handle(call: ServiceCall): ServiceBody | Promise<ServiceBody>;
}

/** Virtual time for transitions. `real` follows the wall clock; `manual` moves only when advanced. */
export interface Clock {
  readonly mode: 'real' | 'manual';
  /** How many times faster than the wall a real clock runs (1 when absent). */
  readonly rate?: number;
  now(): number;
  /**
   * The time the latest `now()` gave: what an answer's Date states, the time the service judged
   * it at, however long the process then waited for a core before sending it.
   */
  lastRead?(): number;
  /** Manual mode only; a real clock refuses (returns false). */
  advance(ms: number): boolean;
  /**
   * Moves the clock on to a time a state file was saved at, when it stands before it (a manual
   * clock restarts at its start, a fast one at the wall's time); never back.
   */
  resume?(ms: number): void;
}

/** What the admin endpoints (`/_emulator/...`) and in-process users reach besides the API. */
export interface EmulatorControl {
  readonly clock: Clock;
  /** Back to the seeded world: regions, zones, running instances, no disks, pairs or groups. */
  reset(): void;
  /** A JSON-serialisable dump of every store, for `/_emulator/state`. */
  snapshot(): unknown;
}

/** Lets the protocol layer keep a ClientToken busy across a delay it injects. */
export interface ClientTokenGate {
  /**
   * Marks the call's ClientToken as in progress (for a delay the protocol injects before
   * handling it): until the returned function is called, any other request with the same
   * token, account and action gets LastTokenProcessing. The call itself (same requestId) still
   * runs. A call without a ClientToken is not affected.
   */
  holdClientToken(call: ServiceCall): () => void;
}

export interface ServiceOptions {
  /** How long each transient status lasts; 0 = immediate. */
  readonly transitionMs: number;
  readonly clock: Clock;
  /** Persist every acknowledged change here before answering, and load it at start. */
  readonly stateFile?: string;
  /** Seed for resource IDs, so runs are reproducible. */
  readonly idSeed?: number;
  /** The alternative played at each reading; default DEFAULT_EMULATOR_READINGS. */
  readonly readings?: ReadingChoices;
}
