#!/usr/bin/env node
/**
 * Builds the library entry points into dist/ (run by `npm run build` and by `prepare`, so a fresh
 * `npm ci` has them): esbuild bundles lib/*.ts into ESM for Node with every package left external,
 * sharing code between entry points in chunks; tsc writes the declarations (unchecked: `npm test`
 * type-checks), whose relative imports are then made explicit (`./x.js`, `./dir/index.js`) so that
 * consumers resolving with NodeNext find them as well as those resolving like a bundler.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const ENTRIES = ['index', 'msw', 'vitest', 'client'];

rmSync(DIST, { recursive: true, force: true });

await build({
  absWorkingDir: ROOT,
  entryPoints: Object.fromEntries(ENTRIES.map((name) => [name, `lib/${name}.ts`])),
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const types = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], {
  cwd: ROOT,
  stdio: 'inherit',
});
// tsconfig.build.json sets noCheck: `npm test` (tsc --noEmit) checks the types, so the build only
// writes declarations, fast, and never fails `npm ci` (which runs it) over a type error.
const missing = ENTRIES.filter((name) => !existsSync(join(DIST, 'types/lib', `${name}.d.ts`)));
if (missing.length > 0) {
  console.error(`build: no declarations for ${missing.join(', ')} (see the errors above)`);
  process.exit(1);
}
if (types.status !== 0) console.warn('build: tsc reported the problems above; the declarations were written');

/** `from '../emulator'` -> `from '../emulator/index.js'`, `from './x'` -> `from './x.js'`. */
function explicit(file, specifier) {
  if (!specifier.startsWith('.') || specifier.endsWith('.js')) return specifier;
  const base = resolve(dirname(file), specifier);
  if (existsSync(`${base}.d.ts`)) return `${specifier}.js`;
  if (existsSync(join(base, 'index.d.ts'))) return `${specifier}/index.js`;
  return specifier;
}

function rewrite(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) rewrite(path);
    else if (name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      const next = text.replace(
        /(from\s+|import\()(['"])(\.[^'"]*)\2/g,
        (_, lead, quote, spec) => `${lead}${quote}${explicit(path, spec)}${quote}`,
      );
      if (next !== text) writeFileSync(path, next);
    }
  }
}
rewrite(join(DIST, 'types'));

// One declaration file beside each bundle, pointing into the declaration tree.
for (const name of ENTRIES)
  writeFileSync(join(DIST, `${name}.d.ts`), `export * from './types/lib/${name}.js';\n`);
