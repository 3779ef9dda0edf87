#!/usr/bin/env node
/**
 * Builds dist/ (run by `npm run build` and by `prepare`, so a fresh `npm ci` has it):
 * - the CLI, bundled whole into dist/cli.mjs (every package inside: it starts without compiling
 *   or resolving anything), with dist/cli-inputs.json listing its sources for bin/'s staleness check;
 * - the library entry points: esbuild bundles lib/*.ts into ESM for Node with every package left
 *   external, sharing code between entry points in chunks. `msw` and `vitest` are optional peers:
 *   their entry points load the bundle behind a dynamic import and name the missing peer;
 * - the declarations: tsc writes them (unchecked: `npm test` type-checks), and their relative
 *   imports are made explicit (`./x.js`, `./dir/index.js`) so that consumers resolving with
 *   NodeNext find them as well as those resolving like a bundler.
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
/** Entry points that need a peer the user installs: the peers they import. */
const PEERS = { msw: ['msw'], vitest: ['vitest'] };
const outName = (name) => (name in PEERS ? `with-peers/${name}` : name);

rmSync(DIST, { recursive: true, force: true });

const cli = await build({
  absWorkingDir: ROOT,
  // A lane's worker thread (cli/workers.ts) loads ./lane-worker.mjs beside the CLI: in dist/, this bundle.
  entryPoints: { cli: 'cli/main.ts', 'lane-worker': 'cli/lane-worker.ts' },
  outExtension: { '.js': '.mjs' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS packages inside an ES module bundle still call require() for Node's built-ins.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  // Less to parse at every start; identifiers are kept, so a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  metafile: true,
  logLevel: 'warning',
});
const sources = Object.keys(cli.metafile.inputs).filter((f) => !f.includes('node_modules/'));
writeFileSync(join(DIST, 'cli-inputs.json'), `${JSON.stringify(sources)}\n`);

const lib = await build({
  absWorkingDir: ROOT,
  entryPoints: Object.fromEntries(ENTRIES.map((name) => [outName(name), `lib/${name}.ts`])),
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});

/**
 * `dist/msw.js`: imports the bundle dynamically, so a missing peer is a sentence naming it and the
 * command that installs it, not Node's "Cannot find package" from deep inside dist/.
 */
for (const [name, peers] of Object.entries(PEERS)) {
  const out = lib.metafile.outputs[`dist/${outName(name)}.js`];
  const names = out.exports.filter((e) => e !== 'default');
  writeFileSync(
    join(DIST, `${name}.js`),
    `let m;
try {
  m = await import('./${outName(name)}.js');
} catch (err) {
  const peer = ${JSON.stringify(peers)}.find((p) => err?.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes(\`'\${p}'\`));
  if (!peer) throw err;
  throw new Error(\`ebs-conformance/${name} needs \${peer} (an optional peer dependency): npm install --save-dev \${peer}\`);
}
export const { ${names.join(', ')} } = m;
`,
  );
}

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
