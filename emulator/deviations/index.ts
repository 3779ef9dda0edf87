import { EFFECT_PROFILES } from './effects';
import { LISTING_PROFILES } from './listings';
import type { FaultProfile } from './profile';
import { READING_PROFILES } from './reading-switch';
import { RECOVERY_PROFILES } from './recovery';
import { REFUSAL_PROFILES } from './refusals';
import { REPLICATION_PROFILES } from './replication';
import { RESPONSE_FIELD_PROFILES } from './response-fields';
import { transientBursts, unmodified } from './transient';
import { TRANSITION_PROFILES } from './transitions';
import { WIRE_PROFILES } from './wire';

export type { DeviationKind, FaultProfile } from './profile';

/** Every fault profile `--fault-profile` accepts: the deviations, then the two controls. */
export const FAULT_PROFILES: readonly FaultProfile[] = [
  ...REFUSAL_PROFILES,
  ...EFFECT_PROFILES,
  ...TRANSITION_PROFILES,
  ...RECOVERY_PROFILES,
  ...LISTING_PROFILES,
  ...WIRE_PROFILES,
  ...REPLICATION_PROFILES,
  ...RESPONSE_FIELD_PROFILES,
  ...READING_PROFILES,
  transientBursts,
  unmodified,
];

export const FAULT_PROFILE_NAMES: readonly string[] = FAULT_PROFILES.map((p) => p.name);

export class UnknownFaultProfileError extends Error {
  override readonly name = 'UnknownFaultProfileError';
  constructor(readonly profile: string) {
    super(`unknown fault profile "${profile}"; known profiles: ${FAULT_PROFILE_NAMES.join(', ')}`);
  }
}

/** The profile of that name; throws UnknownFaultProfileError (naming every known profile) otherwise. */
export function faultProfile(name: string): FaultProfile {
  const found = FAULT_PROFILES.find((p) => p.name === name);
  if (!found) throw new UnknownFaultProfileError(name);
  return found;
}
