#!/usr/bin/env node
// `node scripts/scaffold.mjs <Action>`: stub files of a new catalogue operation (scripts/scaffold.ts).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { scaffold, ScaffoldError } = await import('./scaffold.ts');
const name = process.argv[2];
if (!name || name.startsWith('-')) {
  process.stderr.write('usage: node scripts/scaffold.mjs <Action>   (an operation of api/operations/)\n');
  process.exit(2);
}
try {
  const done = scaffold(root, name);
  // Sorted imports and the project's format, when biome is at hand.
  spawnSync('npx', ['biome', 'check', '--write', ...done.written, ...done.registered], {
    cwd: root,
    stdio: 'ignore',
  });
  process.stdout.write(
    [
      `wrote: ${done.written.join(', ')}`,
      `registered in: ${done.registered.join(', ')}`,
      'next: fill in each TODO (CONTRIBUTING.md says how each layer is proven)',
      '',
    ].join('\n'),
  );
} catch (err) {
  if (!(err instanceof ScaffoldError)) throw err;
  process.stderr.write(`scaffold: ${err.message}\n`);
  process.exit(2);
}
