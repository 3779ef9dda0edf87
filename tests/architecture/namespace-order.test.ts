import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A module namespace (`import * as families`) lists its keys alphabetically under native ESM
// (the CLI, worker lanes) and in declaration order under vite (vitest) and bundlers. Anything
// that iterates one therefore draws in an order that depends on the loader, and a seed would
// replay other calls under vitest than in the CLI. Namespaces are for member access only; the one
// table built by spreading them (api/operations/index.ts) sorts what it spreads, and
// api/operations/order.test.ts checks that order against Node's.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP_DIRS = new Set(['node_modules', 'dist', 'tests', '__fixtures__', 'reports-out', 'test-output']);
const SORTED_WHERE_SPREAD = ['api/operations/index.ts'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.test.ts')
      ? [relative(ROOT, path).split(sep).join('/')]
      : [];
  });
}

/** Each iteration over a namespace imported with `import * as`: `Object.keys(ns)`, `...ns`, `for (k in ns)`. */
function namespaceIterations(source: string): string[] {
  const names = [...source.matchAll(/import\s+\*\s+as\s+([\w$]+)\s+from/g)].map((m) => m[1] as string);
  return names.flatMap((ns) => {
    const n = ns.replace(/\$/g, '\\$');
    const uses = new RegExp(
      `Object\\.(?:keys|values|entries|getOwnPropertyNames|assign\\([^)]*?,)\\s*\\(?\\s*${n}\\s*\\)|\\.\\.\\.${n}\\b|\\bin\\s+${n}\\s*\\)`,
      'g',
    );
    return [...source.matchAll(uses)].map((m) => m[0]);
  });
}

describe('no code iterates a module namespace', () => {
  it('finds the iterations it looks for, and not member access', () => {
    const src = [
      "import * as fam from './fam';",
      "import * as api from '../api';",
      'const a = Object.values(fam);',
      'const b = { ...fam };',
      'for (const k in fam) use(k);',
      'const c = api.CreateDisk; type T = typeof api.DeleteDisk;',
    ].join('\n');
    expect(namespaceIterations(src)).toEqual(['Object.values(fam)', '...fam', 'in fam)']);
  });

  it('in the sources, except where the spread is sorted', () => {
    const offenders = sources(ROOT).flatMap((file) =>
      SORTED_WHERE_SPREAD.includes(file)
        ? []
        : namespaceIterations(readFileSync(join(ROOT, file), 'utf8')).map((use) => `${file}: ${use}`),
    );
    expect(offenders).toEqual([]);
    expect(
      namespaceIterations(readFileSync(join(ROOT, SORTED_WHERE_SPREAD[0] as string), 'utf8')),
    ).not.toEqual([]);
  });
});
