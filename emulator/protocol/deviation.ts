import type { EmulatorControl, EmulatorService, ServiceBody, ServiceCall } from '../service/api';
import type { WireResponse } from './wire';

/** The service as a deviation reaches it: one call in, its body out, or a ServiceError thrown. */
export type NextService = (call: ServiceCall) => Promise<ServiceBody>;

/**
 * A deliberate departure from the documentation, for proving that the harness notices one
 * (`--fault-profile`). The gateway calls it at two well-defined points, so the normal code paths
 * stay as they are: around the service (after parsing, authentication, validation and transient
 * faults), and on the encoded answer. Off unless a profile is chosen.
 */
export interface Deviation {
  /**
   * Sees every authenticated, valid API call in place of the service. It may call `next` any
   * number of times (a read to learn a resource's state, the call itself with other parameters),
   * rewrite the body, or throw another ServiceError.
   */
  around?(call: ServiceCall, next: NextService): Promise<ServiceBody>;
  /** Rewrites the answer to one call of `action` once encoded (status, headers, body text). */
  encoded?(action: string, response: WireResponse): WireResponse;
  /** Forgets what it remembered: the emulator was reset to its seeded world. */
  reset?(): void;
  /**
   * Takes another fault profile in place of its own, on a reset that names one (so one emulator
   * process serves many profiles); throws for an unknown name. Absent: the deviation is fixed.
   */
  switchTo?(profile: string): void;
}

/** The service with the deviation in front of it; resetting one resets the other. */
export function deviateService<S extends EmulatorService & EmulatorControl>(
  service: S,
  deviation: Deviation,
): S {
  const around = deviation.around?.bind(deviation);
  const next: NextService = async (call) => service.handle(call);
  return Object.assign(Object.create(service) as S, {
    handle: around ? (call: ServiceCall) => around(call, next) : service.handle,
    reset() {
      service.reset();
      deviation.reset?.();
    },
  });
}
