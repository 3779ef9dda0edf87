import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../api';
import * as ebsDrills from '../../api/operations/ebs-drills';
import * as ebsTags from '../../api/operations/ebs-tags';

// Adding an operation touches at most six source files: the catalogue, the model, the emulator,
// the command family, the rules, and one more (a check, a fault profile). Every registry that
// lists operations is derived from the families, so naming an operation anywhere else is a
// registry someone has to keep by hand. The drill and tag calls were added that way; they hold
// the line. (CONTRIBUTING.md gives the same measure with git grep.)

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MOST_FILES = 6;

/** Not sources: dependencies, builds, test data and the tests themselves. */
const SKIP_DIRS = new Set(['node_modules', 'dist', 'tests', '__fixtures__', 'reports-out', 'test-output']);
const isSource = (name: string) => /\.(ts|mts|mjs|js)$/.test(name) && !/\.test\.ts$/.test(name);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) return [];
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return isSource(e.name) ? [relative(ROOT, path).split(sep).join('/')] : [];
  });
}

/** The source files naming `action` as a whole word (`TagResources` is not in `ListTagResources`). */
function filesNaming(action: string, files: ReadonlyMap<string, string>): string[] {
  const word = new RegExp(`\\b${action}\\b`);
  return [...files].filter(([, text]) => word.test(text)).map(([path]) => path);
}

const FILES: ReadonlyMap<string, string> = new Map(
  sources(ROOT).map((path) => [path, readFileSync(join(ROOT, path), 'utf8')]),
);

/**
 * The families' modules export operations only (api/operations/index.ts relies on it too). Sorted:
 * a module namespace's own key order depends on the loader (vitest's, or Node's).
 */
const added: readonly Operation[] = [...Object.values(ebsDrills), ...Object.values(ebsTags)].sort((a, b) =>
  a.action.localeCompare(b.action),
);

describe('an operation is named in a handful of source files', () => {
  it('counts whole words in sources only', () => {
    const files = new Map([
      ['model/tags.ts', 'decide(api.ListTagResources, listTagResources)'],
      ['emulator/service/tags.ts', 'export const TagResources = ...'],
      ['api/operations/ebs-tags.ts', "action: 'TagResources'"],
    ]);
    expect(filesNaming('TagResources', files)).toEqual([
      'emulator/service/tags.ts',
      'api/operations/ebs-tags.ts',
    ]);
    expect(FILES.size).toBeGreaterThan(100);
    expect([...FILES.keys()].filter((f) => f.endsWith('.test.ts') || f.startsWith('tests/'))).toEqual([]);
  });

  it.each(added.map((op) => [op.action, op] as const))(
    `%s: at most ${MOST_FILES} non-test source files`,
    (action) => {
      const files = filesNaming(action, FILES);
      expect(files.length, `${action} is named in ${files.join(', ')}`).toBeLessThanOrEqual(MOST_FILES);
      // Its own family in each layer names it; a registry elsewhere would be a seventh place.
      expect(files).toEqual(expect.arrayContaining([expect.stringMatching(/^api\/operations\//)]));
    },
  );

  it('guards the drill and tag calls', () => {
    expect(added.map((op) => op.action).sort()).toEqual([
      'ClearPairDrill',
      'ClearReplicaGroupDrill',
      'DescribePairDrills',
      'DescribeReplicaGroupDrills',
      'ListTagResources',
      'StartPairDrill',
      'StartReplicaGroupDrill',
      'TagResources',
      'UntagResources',
    ]);
  });
});
