/**
 * Credentials come from the standard Alibaba Cloud environment variables. The mock and emulator
 * targets fall back to the emulator's documented defaults, so they run with no account; a target
 * that reaches a real endpoint gets no fallback and fails early instead.
 */
export interface Credentials {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** STS only. */
  readonly securityToken?: string;
}

/**
 * Credentials that may change during a run: an STS token from a role, OIDC or an ECS instance
 * expires, and the source hands out fresh ones before it does. A client asks for them on every
 * request it signs, never once at the start, so a run or sweep longer than a token's life
 * keeps working.
 */
export interface CredentialSource {
  /** The credentials to sign the next request with (refreshed by the source as they near expiry). */
  credentials(): Promise<Credentials>;
  /** Where they come from, for the run's plan: names a provider or profile, never a key. */
  describe(): string;
}

/** What a client accepts: fixed credentials, or a source asked before every request. */
export type CredentialsInput = Credentials | CredentialSource;

export const isCredentialSource = (c: CredentialsInput): c is CredentialSource =>
  typeof (c as CredentialSource).credentials === 'function';

export const EMULATOR_CREDENTIALS: Credentials = {
  accessKeyId: 'testAccessKeyId',
  accessKeySecret: 'testAccessKeySecret',
};

export const ENV = {
  accessKeyId: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
  accessKeySecret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
  securityToken: 'ALIBABA_CLOUD_SECURITY_TOKEN',
} as const;

export type CredentialsResult =
  | {
      readonly ok: true;
      readonly credentials: Credentials;
      readonly source: 'environment' | 'emulator-default';
    }
  | { readonly ok: false; readonly code: 'CREDENTIALS_MISSING'; readonly message: string };

/**
 * Reads the environment. Both the id and the secret must be set together; a lone one is a
 * configuration mistake, reported rather than silently mixed with defaults.
 */
export function credentialsFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
  fallback?: Credentials,
): CredentialsResult {
  const accessKeyId = env[ENV.accessKeyId] || undefined;
  const accessKeySecret = env[ENV.accessKeySecret] || undefined;
  const securityToken = env[ENV.securityToken] || undefined;
  if (accessKeyId && accessKeySecret) {
    const credentials = securityToken
      ? { accessKeyId, accessKeySecret, securityToken }
      : { accessKeyId, accessKeySecret };
    return { ok: true, credentials, source: 'environment' };
  }
  if (accessKeyId || accessKeySecret)
    return {
      ok: false,
      code: 'CREDENTIALS_MISSING',
      message: `set both ${ENV.accessKeyId} and ${ENV.accessKeySecret}, or neither`,
    };
  if (fallback) return { ok: true, credentials: fallback, source: 'emulator-default' };
  return {
    ok: false,
    code: 'CREDENTIALS_MISSING',
    message: `${ENV.accessKeyId} and ${ENV.accessKeySecret} must be set for this target`,
  };
}
