/**
 * The one interface every target implements (direct, mock, emulator, endpoint, real, replay).
 * A target turns an `ApiCall` into a whole `Exchange`: what went on the wire (redacted), what came
 * back, the decoded body and an `Outcome`. Wire errors, decoding failures and network failures are
 * all data: `send` rejects only on misuse (a closed target). An action the spec does not know is
 * still sent (that is how unknown-operation errors are probed), just decoded without a schema.
 */
import type { Product } from '../api';

export type HttpMethod = 'GET' | 'POST';
export type ResponseFormat = 'JSON' | 'XML';
export type SignatureVersion = 'v1' | 'v3';
/**
 * Where the parameters travel (GET always sends everything in the query):
 * - `query`: everything in the query string, empty body;
 * - `body`: business parameters in a form body; with V1 the common ones and Signature too;
 * - `split`: V1 only: common parameters and Signature in the query, business ones in the body
 *   (with V3 the same as `body`, since V3 has no common parameters).
 */
export type ParamsPlacement = 'query' | 'body' | 'split';

export interface Variant {
  readonly method: HttpMethod;
  readonly format: ResponseFormat;
  readonly signature: SignatureVersion;
  readonly paramsIn: ParamsPlacement;
}

export interface ApiCall {
  readonly product: Product;
  readonly version: string;
  readonly action: string;
  /** Typed values or wire strings; complex values are flattened (`Tag.1.Key`). */
  readonly params: Readonly<Record<string, unknown>>;
  /** Chooses the endpoint when the call has no RegionId (AttachDisk, DetachDisk, DeleteDisk). */
  readonly region?: string;
  /** Overrides the target's default variant for this call. */
  readonly variant?: Partial<Variant>;
}

/** A request or response as recorded: secrets removed (see redact.ts). */
export interface RecordedRequest {
  readonly method: HttpMethod;
  /** Absolute URL, query included. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface RecordedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * `unencodable`: a parameter cannot be sent as UTF-8 (a lone surrogate); nothing went on the wire.
 * `refused`: the target's own rails kept the call from being sent (a cap, a guard, a stop).
 */
export type FailureReason =
  | 'network'
  | 'timeout'
  | 'undecodable'
  | 'unexpected-status'
  | 'unencodable'
  | 'refused';

export type Outcome =
  | { readonly kind: 'success'; readonly body: Record<string, unknown> }
  | {
      readonly kind: 'error';
      readonly httpStatus: number;
      readonly code: string;
      readonly message: string;
      readonly requestId: string | undefined;
    }
  /** No verdict on the API is possible: the exchange itself failed. */
  | { readonly kind: 'failure'; readonly reason: FailureReason; readonly message: string };

/** One attempt that failed transiently and was retried. */
export interface RetriedAttempt {
  readonly attempt: number;
  readonly reason: 'throttled' | 'server-error' | 'timeout' | 'network';
  readonly httpStatus?: number;
  readonly code?: string;
  /** How long the client waited before the next attempt. */
  readonly delayMs: number;
}

export interface Exchange {
  readonly call: ApiCall;
  readonly variant: Variant;
  /** The last attempt's request. */
  readonly request: RecordedRequest;
  /** The last attempt's response; absent when it never came (network failure, timeout). */
  readonly response?: RecordedResponse;
  /** The body decoded to the JSON shape, when it decoded. */
  readonly decoded?: unknown;
  readonly outcome: Outcome;
  /** Epoch ms when the first attempt started. */
  readonly startedAt: number;
  /** From the first attempt's start to the last attempt's end, backoff included. */
  readonly durationMs: number;
  readonly attempts: number;
  readonly retried: readonly RetriedAttempt[];
}

export interface TargetCapabilities {
  /** `reset()` returns the target to its seeded world. */
  readonly reset: boolean;
  /** `advanceClock()` moves the target's virtual time. */
  readonly clockControl: boolean;
  /** The target serves `/_emulator/` admin endpoints. */
  readonly admin: boolean;
  /** Calls create billable resources. */
  readonly costsMoney: boolean;
  /** Several runs may share this target at once without seeing each other's resources. */
  readonly parallelSafe: boolean;
}

export type TargetKind = 'direct' | 'mock' | 'emulator' | 'endpoint' | 'http' | 'replay' | 'real';

export interface Target {
  readonly kind: TargetKind;
  readonly capabilities: TargetCapabilities;
  /** The base URL requests go to, when there is one. */
  readonly endpoint: string | undefined;
  /** The only resource groups a run may name (a real account's); absent: any it likes. */
  readonly resourceGroups?: readonly string[];
  send(call: ApiCall): Promise<Exchange>;
  reset?(): Promise<void>;
  advanceClock?(ms: number): Promise<void>;
  /** Epoch ms by the target's own wall clock, when it is not this process's (a replay: the recording's). */
  now?(): number;
  /**
   * Epoch ms on a clock the harness moves (a manual one), asked of the target: a run starts its
   * model time there, since an earlier run against the same target may have moved it on.
   */
  clockNow?(): Promise<number>;
  /** Waits `ms` by that clock (a replay moves its time on without waiting). */
  sleep?(ms: number): Promise<void>;
  close?(): Promise<void>;
}

/** What the official ECS SDK sends by default: V3, POST, parameters in the query, JSON. */
export const DEFAULT_VARIANT: Variant = {
  method: 'POST',
  format: 'JSON',
  signature: 'v3',
  paramsIn: 'query',
};

/** Overrides a variant field by field; an override left undefined keeps the base value. */
export function resolveVariant(base: Variant, override: Partial<Variant> | undefined): Variant {
  if (!override) return base;
  return {
    method: override.method ?? base.method,
    format: override.format ?? base.format,
    signature: override.signature ?? base.signature,
    paramsIn: override.paramsIn ?? base.paramsIn,
  };
}

/** Thrown only for misuse of a target (never for anything the server did). */
export class TargetError extends Error {
  override readonly name = 'TargetError';
  constructor(
    readonly code:
      | 'TARGET_CLOSED'
      | 'TARGET_CONFIG'
      | 'TARGET_START_FAILED'
      | 'TARGET_START_TIMEOUT'
      | 'TARGET_UNSUPPORTED'
      | 'TARGET_ADMIN_FAILED',
    message: string,
  ) {
    super(message);
  }
}
