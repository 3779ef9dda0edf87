#!/usr/bin/env node
// `node scripts/scaffold.mjs <Action>`: the same as `ebs-conformance scaffold <Action>` at the
// project root (cli/commands/scaffold.ts), for a checkout without the bin linked.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(
  process.execPath,
  [resolve(root, 'bin/ebs-conformance.mjs'), 'scaffold', ...process.argv.slice(2), '--root', root],
  { stdio: 'inherit' },
);
process.exit(run.status ?? 1);
