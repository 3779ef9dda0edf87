import { describe, expect, it } from 'vitest';
import { OPERATIONS } from './operations';
import {
  FAVOURED_READINGS,
  findReading,
  parseReadingChoice,
  READINGS,
  ReadingChoiceError,
  readingChoices,
} from './readings';
import { findRule } from './rules';

describe('the readings catalogue', () => {
  it('has unique reading IDs and, within each reading, unique alternative IDs', () => {
    const ids = READINGS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of READINGS) {
      const alts = r.alternatives.map((a) => a.id);
      expect(new Set(alts).size, r.id).toBe(alts.length);
    }
  });

  it('favours one of its own alternatives, and every alternative cites a source', () => {
    for (const r of READINGS) {
      expect(
        r.alternatives.map((a) => a.id),
        r.id,
      ).toContain(r.favoured);
      for (const a of r.alternatives) {
        for (const s of a.sources)
          expect(s, `${r.id}=${a.id}`).toMatch(/^(https:\/\/\S+ § .+|evidence: \S+)/);
      }
    }
  });

  it('names only catalogued rules and actions', () => {
    const actions = new Set(OPERATIONS.map((op) => op.action));
    for (const r of READINGS) {
      for (const id of r.rules) expect(findRule(id), `${r.id}: ${id}`).toBeDefined();
      for (const a of r.operations) expect(actions.has(a), `${r.id}: ${a}`).toBe(true);
    }
  });

  it('covers the points issue 13 names', () => {
    expect(READINGS.map((r) => r.id).sort()).toEqual(
      expect.arrayContaining([
        'pair-listing',
        'create-pair-region',
        'same-region-cross-zone',
        'encrypted-disks',
        'delete-created-pair',
        'postpay-bandwidth',
        'empty-group-pair-ids',
        'token-walk-paging-fields',
        'group-calls-in-dr-region',
      ]),
    );
  });

  it('FAVOURED_READINGS is each reading with its favoured alternative', () => {
    expect(Object.keys(FAVOURED_READINGS).sort()).toEqual(READINGS.map((r) => r.id).sort());
    for (const r of READINGS) expect(FAVOURED_READINGS[r.id]).toBe(r.favoured);
    expect(findReading('encrypted-disks')?.favoured).toBe('allowed');
    expect(findReading('nope')).toBeUndefined();
  });
});

describe('parseReadingChoice', () => {
  it('reads ID=VALUE, trimming spaces around either side', () => {
    expect(parseReadingChoice('encrypted-disks=refused')).toEqual({
      id: 'encrypted-disks',
      value: 'refused',
    });
    expect(parseReadingChoice(' pair-listing = either-disk ')).toEqual({
      id: 'pair-listing',
      value: 'either-disk',
    });
  });

  it.each([
    ['encrypted-disks', /expected ID=VALUE, got "encrypted-disks"/],
    ['encrypted=allowed', /unknown reading "encrypted"; known: pair-listing, create-pair-region/],
    [
      'encrypted-disks=maybe',
      /reading encrypted-disks has no alternative "maybe"; choose one of: allowed, refused/,
    ],
    ['encrypted-disks=', /has no alternative ""/],
    ['=allowed', /unknown reading ""/],
  ])('refuses %j with a message naming the fix', (text, message) => {
    expect(() => parseReadingChoice(text)).toThrow(ReadingChoiceError);
    expect(() => parseReadingChoice(text)).toThrow(message);
  });
});

describe('readingChoices', () => {
  it('starts from the favoured alternatives and applies each choice', () => {
    const chosen = readingChoices(['encrypted-disks=refused', 'pair-listing=either-disk']);
    expect(chosen).toEqual({
      ...FAVOURED_READINGS,
      'encrypted-disks': 'refused',
      'pair-listing': 'either-disk',
    });
    expect(readingChoices([])).toEqual(FAVOURED_READINGS);
  });

  it('accepts a repeated identical choice and refuses a contradictory one', () => {
    expect(readingChoices(['encrypted-disks=refused', 'encrypted-disks=refused'])['encrypted-disks']).toBe(
      'refused',
    );
    expect(() => readingChoices(['encrypted-disks=refused', 'encrypted-disks=allowed'])).toThrow(
      'reading encrypted-disks given twice: refused and allowed',
    );
  });
});
