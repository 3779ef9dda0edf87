import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PARAM_RULES } from '../rules/params';
import { OPERATIONS, OPERATIONS_BY_NAME } from '.';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// What a seed draws follows the order of these tables; the CLI and worker lanes load the modules
// natively, vitest through its own transform. Both must see one order, or a seed replays other calls.
describe('the operation table', () => {
  it('has the order under vitest that Node gives the sources natively', () => {
    const script = [
      "const { OPERATIONS, OPERATIONS_BY_NAME } = await import('./api/operations/index.ts');",
      "const { PARAM_RULES } = await import('./api/rules/params.ts');",
      'console.log(JSON.stringify([OPERATIONS.map((o) => o.action), PARAM_RULES.map((r) => r.id), Object.keys(OPERATIONS_BY_NAME)]));',
    ].join('\n');
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    const [actions, rules, names] = JSON.parse(child.stdout) as [string[], string[], string[]];
    expect(OPERATIONS.map((o) => o.action)).toEqual(actions);
    expect(PARAM_RULES.map((r) => r.id)).toEqual(rules);
    // The by-name table spreads the family namespaces: its own order must not be the loader's either.
    expect(Object.keys(OPERATIONS_BY_NAME)).toEqual(names);
  });
});
