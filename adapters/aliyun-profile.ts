/**
 * Credentials for a real account, from the places the Alibaba Cloud tools keep them: the standard
 * environment variables (an STS token included), or a profile of the aliyun CLI's config file
 * (`~/.aliyun/config.json`, modes `AK` and `StsToken`). Error messages name the variable, file or
 * profile at fault, never a key or secret.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { type Credentials, credentialsFromEnv, ENV } from './credentials';
import { TargetError } from './target';

/** The subset of the aliyun CLI's profile we read; other fields are ignored. */
const Profile = z.object({
  name: z.string(),
  mode: z.string().default('AK'),
  access_key_id: z.string().default(''),
  access_key_secret: z.string().default(''),
  sts_token: z.string().default(''),
  region_id: z.string().default(''),
});

const ConfigFile = z.object({
  current: z.string().default(''),
  profiles: z.array(Profile).default([]),
});

export const defaultProfileFile = (home: string = homedir()) => join(home, '.aliyun', 'config.json');

export interface RealCredentials {
  readonly credentials: Credentials;
  /** Where they came from, for the plan: `environment` or `profile NAME (FILE)`. */
  readonly source: string;
  /** The profile's default region, when one is set. */
  readonly region?: string;
}

export interface RealCredentialsOptions {
  /** `--profile NAME`: read this profile and ignore the environment. */
  readonly profile?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly profileFile?: string;
}

function readProfile(file: string, wanted: string | undefined): RealCredentials {
  let config: z.infer<typeof ConfigFile>;
  try {
    config = ConfigFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (err) {
    const why = err instanceof SyntaxError ? 'not valid JSON' : 'not an aliyun CLI config file';
    throw new TargetError('TARGET_CONFIG', `cannot read ${file}: ${why}`);
  }
  const name = wanted ?? (config.current || 'default');
  const profile = config.profiles.find((p) => p.name === name);
  if (!profile) throw new TargetError('TARGET_CONFIG', `no profile named "${name}" in ${file}`);
  if (profile.mode !== 'AK' && profile.mode !== 'StsToken')
    throw new TargetError(
      'TARGET_CONFIG',
      `profile "${name}" in ${file} uses mode ${profile.mode}; only AK and StsToken are supported (or set ${ENV.accessKeyId} and ${ENV.accessKeySecret})`,
    );
  if (!profile.access_key_id || !profile.access_key_secret)
    throw new TargetError('TARGET_CONFIG', `profile "${name}" in ${file} has no access key`);
  if (profile.mode === 'StsToken' && !profile.sts_token)
    throw new TargetError('TARGET_CONFIG', `profile "${name}" in ${file} is StsToken but has no sts_token`);
  const credentials: Credentials = {
    accessKeyId: profile.access_key_id,
    accessKeySecret: profile.access_key_secret,
    ...(profile.mode === 'StsToken' ? { securityToken: profile.sts_token } : {}),
  };
  return {
    credentials,
    source: `profile ${name} (${file})`,
    ...(profile.region_id ? { region: profile.region_id } : {}),
  };
}

/**
 * `--profile` wins; then the environment variables; then the config file's current profile.
 * Nothing found is a configuration error: a real target never falls back to a default key.
 */
export function realCredentials(options: RealCredentialsOptions = {}): RealCredentials {
  const file = options.profileFile ?? defaultProfileFile();
  if (options.profile !== undefined) {
    if (!existsSync(file))
      throw new TargetError('TARGET_CONFIG', `--profile ${options.profile}: no aliyun CLI config at ${file}`);
    return readProfile(file, options.profile);
  }
  const fromEnv = credentialsFromEnv(options.env ?? process.env);
  if (fromEnv.ok) return { credentials: fromEnv.credentials, source: 'environment' };
  const env = options.env ?? process.env;
  const halfSet = Boolean(env[ENV.accessKeyId]) !== Boolean(env[ENV.accessKeySecret]);
  if (!halfSet && existsSync(file)) return readProfile(file, undefined);
  throw new TargetError(
    'TARGET_CONFIG',
    `${fromEnv.message}, or give --profile NAME (aliyun CLI config at ${file})`,
  );
}
