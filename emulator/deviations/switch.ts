import type { Deviation, NextService } from '../protocol/deviation';
import type { WireResponse } from '../protocol/wire';
import type { ServiceBody, ServiceCall } from '../service/api';
import { faultProfile } from './index';

/**
 * The deviation of an emulator started with `--fault-profile`: the named profile's effect, which
 * a reset naming another profile replaces (`POST /_emulator/reset {"faultProfile": NAME}`). One
 * emulator process then serves profile after profile, each on a freshly seeded world, which is
 * what `detect` and the detection tests need; an emulator started without a profile has no
 * deviation at all and cannot take one.
 */
export class FaultProfileSwitch implements Deviation {
  #profile: string;
  #effect: Deviation;

  /** Throws UnknownFaultProfileError (naming every known profile) for an unknown name. */
  constructor(profile: string) {
    this.#effect = faultProfile(profile).create();
    this.#profile = profile;
  }

  get profile(): string {
    return this.#profile;
  }

  switchTo(profile: string): void {
    // Created before anything changes: an unknown name leaves the current profile on.
    this.#effect = faultProfile(profile).create();
    this.#profile = profile;
  }

  around(call: ServiceCall, next: NextService): Promise<ServiceBody> {
    return this.#effect.around ? this.#effect.around(call, next) : next(call);
  }

  encoded(action: string, response: WireResponse): WireResponse {
    return this.#effect.encoded ? this.#effect.encoded(action, response) : response;
  }

  reset(): void {
    this.#effect.reset?.();
  }
}
