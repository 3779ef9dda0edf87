import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '.';

// Every rule must be (1) emitted somewhere by the model and (2) named in the title of a model
// test that asserts it. Test titles are parsed, not whole files, so mentioning an ID in a comment
// does not count.
const MODEL = resolve(dirname(fileURLToPath(import.meta.url)), '../../model');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const RULE_ID = /\b(?:PAIR|GROUP|DISK|TOKEN|LEGACY|PROTO|DRILL|TAG)(?:\.[A-Z0-9_]+)+\b/g;
const TEST_TITLE = /\bit\(\s*(['"`])((?:(?!\1).)*)\1/g;

function titledRuleIds(source: string): string[] {
  return [...source.matchAll(TEST_TITLE)].flatMap((m) => (m[2] ?? '').match(RULE_ID) ?? []);
}

function quotedRuleIds(source: string): string[] {
  return [...source.matchAll(/'((?:PAIR|GROUP|DISK|TOKEN|LEGACY|PROTO|DRILL|TAG)(?:\.[A-Z0-9_]+)+)'/g)].map(
    (m) => m[1] as string,
  );
}

const all = files(MODEL);
const tests = all.filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(f, 'utf8'));
const sources = all
  .filter((f) => !f.endsWith('.test.ts') && !f.endsWith('testkit.ts'))
  .map((f) => readFileSync(f, 'utf8'));

describe('rule coverage', () => {
  const ids = RULES.map((r) => r.id);
  const tested = new Set(tests.flatMap(titledRuleIds));
  const emitted = new Set(sources.flatMap(quotedRuleIds));

  it('every rule has a model test named after it', () => {
    expect(ids.filter((id) => !tested.has(id))).toEqual([]);
  });

  it('every rule is emitted by the model', () => {
    expect(ids.filter((id) => !emitted.has(id))).toEqual([]);
  });

  it('tests and model name no rule that is not in the catalogue', () => {
    const known = new Set(ids);
    expect([...tested, ...emitted].filter((id) => !known.has(id))).toEqual([]);
  });

  it('the scanners see titles and quoted IDs only', () => {
    const src = "// PAIR.NOT.COUNTED\nit('PAIR.A.B and GROUP.C: x', () => { x('TOKEN.D'); });";
    expect(titledRuleIds(src)).toEqual(['PAIR.A.B', 'GROUP.C']);
    expect(quotedRuleIds(src)).toEqual(['TOKEN.D']);
  });
});
