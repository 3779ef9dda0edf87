import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layer rules of the design: what each top-level folder may import. The emulator must never
// reach the model: it is a second, independent implementation of the spec, and testing one against
// the other proves nothing if they share code.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

type Layer =
  | 'api'
  | 'model'
  | 'properties'
  | 'adapters'
  | 'emulator'
  | 'reports'
  | 'parity'
  | 'cli'
  | 'bench'
  | 'lib';

const MAY_IMPORT: Record<Layer, { layers: readonly Layer[]; packages: readonly string[] }> = {
  api: { layers: [], packages: ['zod', 'node:crypto'] },
  model: { layers: ['api'], packages: [] },
  emulator: { layers: ['api'], packages: ['*'] },
  adapters: { layers: ['api', 'emulator'], packages: ['*'] },
  // The engine builds run records, so properties/ also reads the record schema of reports/.
  properties: { layers: ['api', 'model', 'adapters', 'reports'], packages: ['*'] },
  reports: { layers: ['api'], packages: ['*'] },
  // Parity asks an in-process emulator (through adapters/) what a cassette recorded: never the model.
  parity: { layers: ['api', 'adapters'], packages: ['*'] },
  // cli/ registers `bench`, whose core lives in bench/.
  cli: {
    layers: ['api', 'model', 'properties', 'adapters', 'emulator', 'reports', 'parity', 'bench'],
    packages: ['*'],
  },
  // The library entry points for users' own tests: the emulator and the client; the model only
  // through the engine, for the conformance suite of `ebs-conformance/vitest`.
  lib: { layers: ['api', 'adapters', 'emulator', 'properties', 'reports'], packages: ['*'] },
  bench: {
    layers: ['api', 'model', 'properties', 'adapters', 'emulator', 'reports', 'parity', 'cli'],
    packages: ['*'],
  },
};

/** Test files may import test tooling on top of their layer's allowance. */
const TEST_PACKAGES = ['vitest', 'fast-check', 'node:'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts')) out.push(path);
  }
  return out;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => (m[1] ?? m[2]) as string);
}

function violations(layer: Layer): string[] {
  const rules = MAY_IMPORT[layer];
  const found: string[] = [];
  let files: string[] = [];
  try {
    files = sourceFiles(join(ROOT, layer));
  } catch {
    return found;
  }
  for (const file of files) {
    const isTest = file.endsWith('.test.ts');
    for (const spec of importsOf(readFileSync(file, 'utf8'))) {
      const where = relative(ROOT, file);
      if (spec.startsWith('.')) {
        const target = relative(ROOT, resolve(dirname(file), spec)).split(sep)[0] as string;
        if (target !== layer && !rules.layers.includes(target as Layer)) found.push(`${where} -> ${spec}`);
      } else if (!rules.packages.includes('*')) {
        const ok =
          rules.packages.some((p) => spec === p) || (isTest && TEST_PACKAGES.some((p) => spec.startsWith(p)));
        if (!ok) found.push(`${where} -> ${spec}`);
      }
    }
  }
  return found;
}

describe('layer import rules (DESIGN.md)', () => {
  for (const layer of Object.keys(MAY_IMPORT) as Layer[]) {
    it(`${layer}/ imports only ${[...MAY_IMPORT[layer].layers, ...MAY_IMPORT[layer].packages].join(', ') || 'itself'}`, () => {
      expect(violations(layer)).toEqual([]);
    });
  }

  it('the import scanner sees static, re-export and dynamic imports', () => {
    const src = "import { a } from '../model';\nexport * from './x';\nconst m = await import('node:fs');";
    expect(importsOf(src)).toEqual(['../model', './x', 'node:fs']);
  });

  it('no code reaches outside the project by a relative path (users have only the package)', () => {
    const RELATIVE = /['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g;
    const offenders = Object.keys(MAY_IMPORT)
      .flatMap((layer) => {
        try {
          return sourceFiles(join(ROOT, layer));
        } catch {
          return [];
        }
      })
      .flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(RELATIVE)]
          .map((m) => m[1] as string)
          .filter((path) => relative(ROOT, resolve(dirname(f), path)).startsWith('..'))
          .map((path) => `${relative(ROOT, f)}: ${path}`),
      );
    expect(offenders).toEqual([]);
  });
});
