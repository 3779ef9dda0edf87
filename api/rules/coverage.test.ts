import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '.';
import { ONE_SIDED } from './cases';
import { PARAM_RULES } from './params';
import { RESPONSE_RULES } from './responses';

// Every written rule must be (1) emitted somewhere by the model and (2) named in the title of a
// model test that asserts it. Test titles are parsed, not whole files, so mentioning an ID in a
// comment does not count. Derived parameter rules (PARAM.*) are emitted by ID from the catalogue
// data (model/param-rules.ts) and held, one test each, by the parametrized model/param-rules.test.ts,
// which refuses a value past each constraint and accepts one at its edge.
const MODEL = resolve(dirname(fileURLToPath(import.meta.url)), '../../model');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

const FAMILIES = 'PAIR|GROUP|DISK|TOKEN|LEGACY|PROTO|DRILL|TAG|PARAM';
const RULE_ID = new RegExp(`\\b(?:${FAMILIES})(?:\\.[A-Z0-9_]+)+\\b`, 'g');
const TEST_TITLE = /\bit\(\s*(['"`])((?:(?!\1).)*)\1/g;

function titledRuleIds(source: string): string[] {
  return [...source.matchAll(TEST_TITLE)].flatMap((m) => (m[2] ?? '').match(RULE_ID) ?? []);
}

function quotedRuleIds(source: string): string[] {
  return [...source.matchAll(new RegExp(`'((?:${FAMILIES})(?:\\.[A-Z0-9_]+)+)'`, 'g'))].map(
    (m) => m[1] as string,
  );
}

const all = files(MODEL);
const tests = all.filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(f, 'utf8'));
const sources = all
  .filter((f) => !f.endsWith('.test.ts') && !f.endsWith('testkit.ts'))
  .map((f) => readFileSync(f, 'utf8'));

const derived = new Set(PARAM_RULES.map((r) => r.id));
// Response-field rules (RESP.*) are judged and credited on the answer by their check, not decided
// by the model; properties/checks/response-fields.test.ts breaks each one's field and sees it fail.
const responseFields = new Set(RESPONSE_RULES.map((r) => r.id));

describe('rule coverage', () => {
  const ids = RULES.map((r) => r.id).filter((id) => !derived.has(id) && !responseFields.has(id));
  const tested = new Set(tests.flatMap(titledRuleIds));
  const emitted = new Set(sources.flatMap(quotedRuleIds));

  it('every rule has a model test named after it', () => {
    expect(ids.filter((id) => !tested.has(id))).toEqual([]);
  });

  it('every rule is emitted by the model', () => {
    expect(ids.filter((id) => !emitted.has(id))).toEqual([]);
  });

  it('every derived rule is in the catalogue once, and the parametrized model test runs each', () => {
    expect(RULES.filter((r) => derived.has(r.id)).length).toBe(PARAM_RULES.length);
    expect(RULES.filter((r) => r.id.startsWith('PARAM.')).map((r) => r.id)).toEqual([...derived]);
    const parametrized = readFileSync(join(MODEL, 'param-rules.test.ts'), 'utf8');
    expect(parametrized).toMatch(/it\.each\(PARAM_RULES\.map/);
  });

  it('tests and model name no rule that is not in the catalogue', () => {
    const known = new Set([...ids, ...derived, ...responseFields]);
    expect([...tested, ...emitted].filter((id) => !known.has(id))).toEqual([]);
  });

  it('the scanners see titles and quoted IDs only', () => {
    const src = "// PAIR.NOT.COUNTED\nit('PAIR.A.B and GROUP.C: x', () => { x('TOKEN.D'); });";
    expect(titledRuleIds(src)).toEqual(['PAIR.A.B', 'GROUP.C']);
    expect(quotedRuleIds(src)).toEqual(['TOKEN.D']);
  });
});

describe('rules with one documented case', () => {
  it('name catalogue rules, each with a reason, and the catalogue carries them', () => {
    const known = new Set(RULES.map((r) => r.id));
    expect(Object.keys(ONE_SIDED).filter((id) => !known.has(id))).toEqual([]);
    for (const [id, c] of Object.entries(ONE_SIDED)) {
      expect(c.because.length, id).toBeGreaterThan(20);
      expect(RULES.find((r) => r.id === id)?.cases, id).toEqual(c);
    }
    expect(RULES.filter((r) => r.cases).length).toBe(Object.keys(ONE_SIDED).length);
  });

  it('a complement names a catalogue rule as its other case', () => {
    const known = new Set(RULES.map((r) => r.id));
    for (const [id, c] of Object.entries(ONE_SIDED)) {
      const named = c.because.match(/stated as ([A-Z]+(?:\.[A-Z0-9_]+)+)/)?.[1];
      if (named) expect(known.has(named), `${id} -> ${named}`).toBe(true);
    }
  });
});
