import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The scaffold is tried as a contributor would use it, in a copy of the project: a new operation
// goes into the catalogue, the completeness check names its four missing layers, the scaffold
// writes and registers them, and the check then names none.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['node_modules', '.git', 'dist', 'reports-out', 'test-output']);

/** A catalogue entry the project does not have: a read of the EBS API. */
const PROBE = `
export const DescribeScaffoldProbe = defineOperation({
  ...EBS,
  action: 'DescribeScaffoldProbe',
  summary: 'An operation made up to try the scaffold.',
  doc: ebsDoc('DescribeScaffoldProbe'),
  params: [param('RegionId', { type: 'string', minLength: 1 }, 'The region.')] as const,
  response: DescribeRegionsResponse,
  errors: [...EBS_COMMON_ERRORS],
  region: 'any',
  mutating: false,
});
`;

const MISSING = `
import { OPERATIONS } from './api';
import { missingLayers } from './tests/architecture/layers';
process.stdout.write(JSON.stringify(missingLayers(OPERATIONS)));
`;

let copy = '';

const node = (...args: string[]) =>
  spawnSync(process.execPath, args, { cwd: copy, encoding: 'utf8', timeout: 240_000 });

function missing(): string[] {
  const run = node('--import', 'tsx', 'missing.ts');
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as string[];
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'scaffold-'));
  cpSync(ROOT, copy, { recursive: true, filter: (src) => !SKIP.has(basename(src)) });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  appendFileSync(join(copy, 'api/operations/ebs-regions.ts'), PROBE);
  appendFileSync(join(copy, 'missing.ts'), MISSING);
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('scripts/scaffold.mjs', () => {
  it('writes and registers the four layers a new catalogue operation lacks', () => {
    expect(missing()).toEqual([
      expect.stringContaining(
        'DescribeScaffoldProbe (ebs:2021-07-30:DescribeScaffoldProbe) lacks a decision',
      ),
      expect.stringContaining('lacks a handler in the ROUTES of its emulator family'),
      expect.stringContaining('lacks a command issuing it'),
      expect.stringContaining('lacks a rule naming it'),
    ]);
    const run = node('scripts/scaffold.mjs', 'DescribeScaffoldProbe');
    expect(run.status, run.stderr).toBe(0);
    for (const file of [
      'model/describe-scaffold-probe.ts',
      'emulator/service/describe-scaffold-probe.ts',
      'properties/commands/describe-scaffold-probe.ts',
      'api/rules/describe-scaffold-probe.ts',
    ])
      expect(existsSync(join(copy, file)), file).toBe(true);
    // The handlers receive the operation's typed request.
    expect(readFileSync(join(copy, 'model/describe-scaffold-probe.ts'), 'utf8')).toContain(
      'Handler<typeof DescribeScaffoldProbe>',
    );
    expect(missing()).toEqual([]);
  });

  it('refuses an operation the catalogue does not have, and one already scaffolded, writing nothing', () => {
    const unknown = node('scripts/scaffold.mjs', 'StartSomethingElse');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/StartSomethingElse is not in the catalogue/);
    const again = node('scripts/scaffold.mjs', 'DescribeScaffoldProbe');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists already/);
  });
});
