import { describe, expect, it } from 'vitest';
import { READINGS } from '../../api';
import { runAgainst } from './support';

// Issue 13: run.json says, for every reading, what the target chose and the call that showed it,
// or that no call decided it.
describe('the readings in the run record', () => {
  it('lists every reading; a choice the target showed names its alternative and its exchange', async () => {
    const { record } = await runAgainst({ readings: { 'token-walk-paging-fields': 'absent' }, runs: 12 });
    const readings = record.readings ?? [];
    expect(readings.map((r) => r.id).sort()).toEqual(READINGS.map((r) => r.id).sort());
    const shown = readings.filter((r) => r.choice !== undefined);
    expect(shown).not.toEqual([]);
    for (const r of shown) {
      const alternatives = READINGS.find((x) => x.id === r.id)?.alternatives.map((a) => a.id) ?? [];
      expect(alternatives).toContain(r.choice);
      expect(r.exchange).toMatch(/\S/);
    }
    const walk = readings.find((r) => r.id === 'token-walk-paging-fields');
    if (walk?.choice !== undefined) expect(walk.choice).toBe('absent');
  }, 180_000);
});
