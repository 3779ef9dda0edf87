#!/usr/bin/env node
// The CLI as `npm run build` bundled it (dist/cli.mjs): one file, no compiling at start. In a
// checkout whose sources are newer than the bundle, and for `bench` (a command of the checkout
// only), the TypeScript sources run through tsx instead, so an edit never runs stale code.
import { existsSync, readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const bundle = new URL('dist/cli.mjs', root);
const argv = process.argv.slice(2);

function fromSources() {
  if (!existsSync(new URL('cli/main.ts', root))) return false;
  // bench is a command of the checkout only; scaffold reads the catalogue the user just edited.
  if (argv[0] === 'bench' || argv[0] === 'scaffold' || !existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  const inputs = JSON.parse(readFileSync(new URL('dist/cli-inputs.json', root), 'utf8'));
  return inputs.some((file) => {
    try {
      return statSync(new URL(file, root)).mtimeMs > built;
    } catch {
      return true;
    }
  });
}

if (fromSources()) {
  const { register } = await import('tsx/esm/api');
  register();
  const { main } = await import('../cli/main.ts');
  const { registerBench } = await import('../cli/commands/bench.ts');
  process.exitCode = await main(argv, [registerBench]);
} else {
  const { main } = await import('../dist/cli.mjs');
  process.exitCode = await main(argv);
}
