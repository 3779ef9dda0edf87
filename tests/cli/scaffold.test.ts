import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `ebs-conformance scaffold` tried as a contributor would use it, in a copy of the project: a new
// operation goes into the catalogue alone, and the completeness test fails naming each missing
// layer's file; the scaffold writes them, and the same test passes.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
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

/** Only the completeness test (the tests project's global setup installs a browser). */
const CONFIG = `import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['tests/architecture/completeness.test.ts'], testTimeout: 120000 } });
`;

let copy = '';

const node = (...args: string[]) =>
  spawnSync(process.execPath, args, { cwd: copy, encoding: 'utf8', timeout: 240_000 });

const completeness = () =>
  node(join(copy, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'completeness.config.ts');

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'scaffold-'));
  cpSync(ROOT, copy, { recursive: true, filter: (src) => !SKIP.has(basename(src)) });
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  appendFileSync(join(copy, 'api/operations/ebs-regions.ts'), PROBE);
  writeFileSync(join(copy, 'completeness.config.ts'), CONFIG);
});

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('ebs-conformance scaffold', () => {
  it('a catalogue-only operation fails the completeness test, naming each file; scaffolded, it passes', () => {
    const before = completeness();
    const said = before.stdout + before.stderr;
    expect(before.status, said).toBe(1);
    for (const file of [
      'model/describe-scaffold-probe.ts',
      'emulator/service/describe-scaffold-probe.ts',
      'properties/commands/describe-scaffold-probe.ts',
      'api/rules/describe-scaffold-probe.ts',
    ])
      expect(said, file).toContain(`write ${file}`);

    const run = node('bin/ebs-conformance.mjs', 'scaffold', 'DescribeScaffoldProbe');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('wrote: model/describe-scaffold-probe.ts');
    // The handlers receive the operation's typed request.
    expect(readFileSync(join(copy, 'model/describe-scaffold-probe.ts'), 'utf8')).toContain(
      'Handler<typeof DescribeScaffoldProbe>',
    );

    const after = completeness();
    expect(after.status, after.stdout + after.stderr).toBe(0);
  });

  it('refuses, writing nothing: an operation not in the catalogue, one already scaffolded, a folder that is no checkout', () => {
    const unknown = node('bin/ebs-conformance.mjs', 'scaffold', 'StartSomethingElse');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/StartSomethingElse is not in the catalogue/);
    const again = node('scripts/scaffold.mjs', 'DescribeScaffoldProbe');
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/exists already/);
    const elsewhere = mkdtempSync(join(tmpdir(), 'not-a-checkout-'));
    try {
      const outside = node(
        'bin/ebs-conformance.mjs',
        'scaffold',
        'DescribeScaffoldProbe',
        '--root',
        elsewhere,
      );
      expect(outside.status).toBe(2);
      expect(outside.stderr).toMatch(/is not a checkout of ebs-conformance/);
      expect(existsSync(join(elsewhere, 'model'))).toBe(false);
      expect(outside.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
