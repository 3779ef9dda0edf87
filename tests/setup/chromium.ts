import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Vitest global set-up: the browser tests drive Debian's chromium, never a downloaded browser.
 * When it is missing and we may install it (root, apt-get present), it is installed here, with
 * apt's output in test-output/chromium-install.log and a time limit; when it still is not there,
 * the browser tests skip and say why (see chromiumMissing).
 */
export const CHROMIUM = '/usr/bin/chromium';
const APT_GET = '/usr/bin/apt-get';
const LOG_DIR = 'test-output';
/** All apt-get calls together: CI must stay well inside its 10 minutes. */
const LIMIT_MS = 4 * 60_000;

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `${CHROMIUM} is not installed (the test set-up installs it with apt-get when run as root; see ${LOG_DIR}/chromium-install.log)`;
}

function apt(args: readonly string[], log: string, deadline: number): boolean {
  const left = deadline - Date.now();
  if (left <= 0) return false;
  appendFileSync(log, `\n$ apt-get ${args.join(' ')}\n`);
  const r = spawnSync(APT_GET, args, {
    encoding: 'utf8',
    timeout: left,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  appendFileSync(log, `${r.stdout ?? ''}${r.stderr ?? ''}exit ${r.status ?? r.signal ?? r.error?.message}\n`);
  return r.status === 0;
}

export default function setup(): void {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0 || !existsSync(APT_GET)) return;
  mkdirSync(LOG_DIR, { recursive: true });
  const log = join(LOG_DIR, 'chromium-install.log');
  const install = ['install', '-y', '--no-install-recommends', 'chromium'];
  // A fresh container often has no package lists yet: update once, then try again.
  const deadline = Date.now() + LIMIT_MS;
  if (!apt(install, log, deadline) && apt(['update'], log, deadline)) apt(install, log, deadline);
}
