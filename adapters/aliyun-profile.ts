/**
 * Credentials for a real account, found the way Alibaba Cloud's own SDKs find them: through
 * `@alicloud/credentials`. Without `--profile`, its default chain: the environment variables
 * (an STS token included), OIDC (`ALIBABA_CLOUD_ROLE_ARN`, `_OIDC_PROVIDER_ARN`, `_OIDC_TOKEN_FILE`:
 * what CI providers hand out), the aliyun CLI's profile named by `ALIBABA_CLOUD_PROFILE` or its
 * current one (every mode the CLI has: AK, StsToken, RamRoleArn, ChainableRamRoleArn, EcsRamRole,
 * OIDC, CloudSSO, OAuth, External), `~/.alibabacloud/credentials`, the ECS instance's RAM role,
 * and `ALIBABA_CLOUD_CREDENTIALS_URI`. With `--profile NAME`, that CLI profile and nothing else.
 * The library refreshes an expiring token before it expires; the client asks it before every
 * request, so a run longer than a token's life keeps signing with a valid one.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CLIProfileCredentialsProvider, DefaultCredentialsProvider } from '@alicloud/credentials';
import type { CredentialSource } from './credentials';
import { ENV } from './credentials';
import { TargetError } from './target';

export const defaultProfileFile = (home: string = homedir()) => join(home, '.aliyun', 'config.json');

export interface RealCredentialsOptions {
  /** `--profile NAME`: this profile of the aliyun CLI config, and nothing else of the chain. */
  readonly profile?: string;
}

interface Provider {
  getCredentials(): Promise<{
    accessKeyId: string;
    accessKeySecret: string;
    securityToken?: string;
    providerName?: string;
  }>;
}

/**
 * A message of the library, safe to print. It quotes a CLI config file it cannot parse whole,
 * keys and all: everything after that point is dropped.
 */
export function safeCredentialsMessage(message: string): string {
  const quoted = /parse aliyun cli config from '([^']*)' failed:/.exec(message);
  if (quoted) return `${message.slice(0, quoted.index)}${quoted[0].slice(0, -1)} (not valid JSON)`;
  return message;
}

/**
 * The credential source of a real run. Building it reads nothing; the first `credentials()` walks
 * the chain (check it before the first API call: `checkedCredentials`).
 */
export function realCredentials(options: RealCredentialsOptions = {}): CredentialSource {
  let provider: Provider;
  try {
    provider =
      options.profile !== undefined
        ? CLIProfileCredentialsProvider.builder().withProfileName(options.profile).build()
        : DefaultCredentialsProvider.builder().build();
  } catch (err) {
    throw new TargetError(
      'TARGET_CONFIG',
      `credentials: ${safeCredentialsMessage(String((err as Error).message))}`,
    );
  }
  let providerName =
    options.profile !== undefined ? `aliyun CLI profile ${options.profile}` : 'default chain';
  return {
    async credentials() {
      let found: Awaited<ReturnType<Provider['getCredentials']>>;
      try {
        found = await provider.getCredentials();
      } catch (err) {
        throw new Error(safeCredentialsMessage(err instanceof Error ? err.message : String(err)));
      }
      if (found.providerName)
        providerName = `${options.profile !== undefined ? `aliyun CLI profile ${options.profile}` : 'default chain'}: ${found.providerName}`;
      if (!found.accessKeyId || !found.accessKeySecret) throw new Error(`${providerName} gave no access key`);
      return {
        accessKeyId: found.accessKeyId,
        accessKeySecret: found.accessKeySecret,
        ...(found.securityToken ? { securityToken: found.securityToken } : {}),
      };
    },
    describe: () => providerName,
  };
}

/**
 * The source, asked once so that a configuration mistake ends the run before any API call
 * (exit 2, the library's reason with no secret in it).
 */
export async function checkedCredentials(options: RealCredentialsOptions = {}): Promise<CredentialSource> {
  const env = process.env;
  if (Boolean(env[ENV.accessKeyId]) !== Boolean(env[ENV.accessKeySecret]))
    throw new TargetError(
      'TARGET_CONFIG',
      `set both ${ENV.accessKeyId} and ${ENV.accessKeySecret}, or neither`,
    );
  const source = realCredentials(options);
  try {
    await source.credentials();
  } catch (err) {
    const where =
      options.profile !== undefined ? `--profile ${options.profile}` : 'the default credential chain';
    throw new TargetError(
      'TARGET_CONFIG',
      `no credentials from ${where}: ${(err as Error).message} (set ${ENV.accessKeyId} and ${ENV.accessKeySecret}, or give --profile NAME of ${defaultProfileFile()})`,
    );
  }
  return source;
}

/**
 * The region calls that name none are sent to: `--region`, else `ALIBABA_CLOUD_REGION_ID`, else
 * the aliyun CLI profile's `region_id` (the named one, `ALIBABA_CLOUD_PROFILE`, or the current).
 */
export function homeRegion(flag: string | undefined, profile: string | undefined): string | undefined {
  if (flag) return flag;
  const fromEnv = process.env.ALIBABA_CLOUD_REGION_ID;
  if (fromEnv) return fromEnv;
  try {
    const config = JSON.parse(readFileSync(defaultProfileFile(), 'utf8')) as {
      current?: string;
      profiles?: { name?: string; region_id?: string }[];
    };
    const name = profile ?? process.env.ALIBABA_CLOUD_PROFILE ?? config.current;
    const region = config.profiles?.find((p) => p.name === name)?.region_id;
    return region || undefined;
  } catch {
    // No config file, or one we cannot read: the credentials check reports that if it matters.
    return undefined;
  }
}
