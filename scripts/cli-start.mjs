#!/usr/bin/env node
// How long `ebs-conformance --help` takes from the bundle (dist/cli.mjs, what users run) beside the
// same CLI from its TypeScript sources through tsx (what a checkout with newer sources runs),
// measured in one run, alternating, so load moves both sides alike. Prints each pair, the medians
// and their ratio. A measurement, not a test: `node scripts/cli-start.mjs [TRIALS]` (default 7).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const trials = Number(process.argv[2] ?? 7);
if (!existsSync(`${root}dist/cli.mjs`)) {
  process.stderr.write('dist/cli.mjs is missing: run `npm run build` first\n');
  process.exit(2);
}
const fromSources = [
  '--input-type=module',
  '-e',
  "const { register } = await import('tsx/esm/api'); register(); const { main } = await import('./cli/main.ts'); process.exitCode = await main(['--help']);",
];
const fromBundle = [
  '--input-type=module',
  '-e',
  "const { main } = await import('./dist/cli.mjs'); process.exitCode = await main(['--help']);",
];

function time(args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 || !run.stdout.includes('Usage: ebs-conformance')) {
    process.stderr.write(`--help failed (exit ${run.status}): ${run.stderr}\n`);
    process.exit(70);
  }
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const bundle = [];
const sources = [];
for (let i = 0; i < trials; i++) {
  bundle.push(time(fromBundle));
  sources.push(time(fromSources));
  console.log(
    `trial ${i + 1}: bundle ${bundle[i].toFixed(0)} ms, sources through tsx ${sources[i].toFixed(0)} ms`,
  );
}
const [b, s] = [median(bundle), median(sources)];
console.log(
  `median: bundle ${b.toFixed(0)} ms, sources through tsx ${s.toFixed(0)} ms, ratio ${(b / s).toFixed(2)} (Node ${process.version})`,
);
