/**
 * A target by kind, for the CLI, the vitest suite and benchmarks. The mock target is imported
 * only when made, so code that never asks for it never loads msw.
 */
import { type Credentials, credentialsFromEnv, EMULATOR_CREDENTIALS } from './credentials';
import { createDirectTarget, type DirectTargetOptions } from './direct-target';
import { createEmulatorTarget, type EmulatorTargetOptions } from './emulator-target';
import { createEndpointTarget, type EndpointTargetOptions } from './endpoint-target';
import type { MockTargetOptions } from './mock-target';
import { type Target, TargetError } from './target';

export type CreatableTargetKind = 'direct' | 'mock' | 'emulator' | 'endpoint';

/** Every kind's options in one bag; each kind reads what it needs. */
export type CreateTargetOptions = Partial<
  DirectTargetOptions & MockTargetOptions & EmulatorTargetOptions & EndpointTargetOptions
> & {
  /** Where credentials come from when none are given (default process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
};

function resolveCredentials(kind: CreatableTargetKind, options: CreateTargetOptions): Credentials {
  if (options.credentials) return options.credentials;
  // Only targets that are (or start) an emulator may fall back to the emulator's default key.
  const result = credentialsFromEnv(
    options.env ?? process.env,
    kind === 'endpoint' ? undefined : EMULATOR_CREDENTIALS,
  );
  if (!result.ok) throw new TargetError('TARGET_CONFIG', result.message);
  return result.credentials;
}

/**
 * Builds a target by kind. Configuration mistakes (no endpoint, half a key pair, a URL with a
 * path) reject with `TargetError` code `TARGET_CONFIG`; an emulator that will not start rejects
 * with `TARGET_START_FAILED` or `TARGET_START_TIMEOUT`.
 */
export async function createTarget(
  kind: CreatableTargetKind,
  options: CreateTargetOptions = {},
): Promise<Target> {
  const credentials = resolveCredentials(kind, options);
  switch (kind) {
    case 'direct':
      return createDirectTarget({ ...options, credentials });
    case 'mock': {
      // Loaded only when asked for: the mock target needs msw, an optional peer of the package.
      const { createMockTarget } = await import('./mock-target');
      return createMockTarget({ ...options, credentials });
    }
    case 'emulator':
      return createEmulatorTarget({ ...options, credentials });
    case 'endpoint': {
      const { endpoint } = options;
      if (!endpoint)
        throw new TargetError('TARGET_CONFIG', 'the endpoint target needs an endpoint URL (--endpoint URL)');
      return createEndpointTarget({ ...options, endpoint, credentials });
    }
  }
}
