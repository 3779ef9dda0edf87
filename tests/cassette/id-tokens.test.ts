import { describe, expect, it } from 'vitest';
import { normalise } from '../../parity/diff';
import { IdTokens, translate } from '../../parity/id-tokens';

// Drill IDs have no documented prefix (the docs' examples: `drill-...`, `pg-drill-...`), so parity
// knows them by the field that names them. Without it, two faithful runs differ in every drill ID.
describe('parity tokens for IDs without a documented prefix', () => {
  it('numbers a drill ID by its field, and finds it again in a later message', () => {
    const mine = new IdTokens();
    const theirs = new IdTokens();
    const started = (id: string, ids: IdTokens) => normalise({ DrillId: id }, ids);
    expect(started('pg-drill-aaaa', mine)).toEqual({ DrillId: '<drill-id:1>' });
    expect(started('pg-drill-bbbb', theirs)).toEqual({ DrillId: '<drill-id:1>' });
    const refused = (id: string, ids: IdTokens) =>
      normalise({ Message: `the group already has the drill ${id}; clear it first.` }, ids);
    expect(refused('pg-drill-aaaa', mine)).toEqual(refused('pg-drill-bbbb', theirs));
    expect(refused('pg-drill-aaaa', mine)).toEqual({
      Message: 'the group already has the drill <drill-id:1>; clear it first.',
    });
  });

  it('translates a recorded drill ID in a request to the other side’s', () => {
    const recorded = new IdTokens();
    const other = new IdTokens();
    normalise({ DrillId: 'drill-recorded' }, recorded);
    normalise({ DrillId: 'drill-other' }, other);
    expect(translate('drill-recorded', recorded, other, 'DrillId')).toBe('drill-other');
    // Another parameter holding the same text is not taken for a drill ID.
    expect(translate('drill-recorded', recorded, other, 'Description')).toBe('drill-recorded');
  });
});
