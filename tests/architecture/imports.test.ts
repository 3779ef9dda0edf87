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

interface Allowance {
  readonly layers: readonly Layer[];
  readonly packages: readonly string[];
  /** Single files of other layers, when the layer as a whole is out of bounds. */
  readonly files?: readonly string[];
  /** Layers its test files may import on top (a test wires a run as a user would). */
  readonly testLayers?: readonly Layer[];
}

const MAY_IMPORT: Record<Layer, Allowance> = {
  api: { layers: [], packages: ['zod', 'node:crypto'] },
  model: { layers: ['api'], packages: [] },
  emulator: { layers: ['api'], packages: ['*'] },
  adapters: { layers: ['api', 'emulator'], packages: ['*'] },
  // The engine emits events (properties/events.ts) and never reaches reports/: reports subscribe.
  properties: { layers: ['api', 'model', 'adapters'], packages: ['*'], testLayers: ['reports', 'cli'] },
  // The run record is built from the engine's events: their types are all reports/ reads of properties/.
  reports: { layers: ['api'], packages: ['*'], files: ['properties/events.ts'] },
  // Parity asks an in-process emulator (through adapters/) what a cassette recorded: never the model.
  parity: { layers: ['api', 'adapters'], packages: ['*'] },
  // cli/ registers `bench`, whose core lives in bench/.
  cli: {
    layers: ['api', 'model', 'properties', 'adapters', 'emulator', 'reports', 'parity', 'bench'],
    packages: ['*'],
  },
  // The library entry points for users' own tests: the emulator and the client; the model only
  // through the engine, for the conformance suite of `ebs-conformance/vitest`.
  lib: { layers: ['api', 'adapters', 'emulator', 'properties', 'reports', 'cli'], packages: ['*'] },
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
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;

function importsOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => (m[1] ?? m[2] ?? m[3]) as string);
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
        const path = relative(ROOT, resolve(dirname(file), spec));
        const target = path.split(sep)[0] as string;
        const allowed =
          target === layer ||
          rules.layers.includes(target as Layer) ||
          rules.files?.some((f) => path === f || `${path}.ts` === f) ||
          (isTest && rules.testLayers?.includes(target as Layer));
        if (!allowed) found.push(`${where} -> ${spec}`);
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

  /** Files of `layer` (tests included) that import anything under `forbidden/`. */
  const importing = (layer: Layer, forbidden: Layer) =>
    sourceFiles(join(ROOT, layer))
      .filter((f) => importsOf(readFileSync(f, 'utf8')).some((s) => s.split('/').includes(forbidden)))
      .map((f) => relative(ROOT, f));

  it('emulator/ never imports model/, not even in its tests (two readings of the docs, not one)', () => {
    expect(MAY_IMPORT.emulator.layers).not.toContain('model');
    expect(MAY_IMPORT.emulator.testLayers ?? []).not.toContain('model');
    expect(importing('emulator', 'model')).toEqual([]);
  });

  it('properties/ never imports reports/ outside its tests (reports subscribe to the engine events)', () => {
    expect(MAY_IMPORT.properties.layers).not.toContain('reports');
    expect(importing('properties', 'reports').filter((f) => !f.endsWith('.test.ts'))).toEqual([]);
  });

  it('adapters/ never imports properties/ (cassettes and the inventory listen to target events)', () => {
    expect(MAY_IMPORT.adapters.layers).not.toContain('properties');
    expect(importing('adapters', 'properties')).toEqual([]);
  });

  it('the import scanner sees static, re-export, dynamic and side-effect imports', () => {
    const src =
      "import { a } from '../model';\nexport * from './x';\nconst m = await import('node:fs');\nimport '../model/side-effect';";
    expect(importsOf(src)).toEqual(['../model', './x', 'node:fs', '../model/side-effect']);
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
