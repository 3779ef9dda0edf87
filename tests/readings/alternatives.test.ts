import { describe, expect, it } from 'vitest';
import { READINGS } from '../../api';
import { exercised } from '../../reports/run-record';
import { expectConformant, runAgainst } from './support';

// Issue 13, done when: a run against the emulator in each alternative of each reading is
// conformant. Each alternative gets a small run (the same seed) and must be found conformant,
// having exercised a rule the reading qualifies.
//
// The model still holds one alternative of these readings (a survey of 20 sequences each, or the
// model's code, shows the other reported nonconformant). They run once the model side of
// issue 13 (verdict: allow every alternative until the target shows one) lands; deleting an
// entry here is then the whole change.
const MODEL_HOLDS_THE_OTHER = new Set<string>([
  'pair-listing=either-disk', // the model lists by Site only
  'create-pair-region=destination', // the model expects RegionId = the primary's region
  'encrypted-disks=allowed', // the model refuses encrypted disks (PAIR.CREATE.UNENCRYPTED)
  'same-region-cross-zone=refused', // the model's world allows cross-zone pairs and groups
  'empty-group-pair-ids=absent', // the model's group row holds PairIds: []
  'group-calls-in-dr-region=refused', // the model serves group calls at either site
]);

const choices = READINGS.flatMap((r) => r.alternatives.map((a) => [`${r.id}=${a.id}`, r, a.id] as const));

describe('the emulator in each alternative of each reading', () => {
  it('names only real alternatives as held by the model', () => {
    const known = new Set<string>(choices.map(([c]) => c));
    expect([...MODEL_HOLDS_THE_OTHER].filter((c) => !known.has(c))).toEqual([]);
  });

  for (const [choice, reading, alternative] of choices) {
    it.skipIf(MODEL_HOLDS_THE_OTHER.has(choice))(
      `${choice} is conformant`,
      async () => {
        const run = await runAgainst({ readings: { [reading.id]: alternative } });
        expectConformant(run);
        const touched = run.record.rules.filter(
          (r) => (reading.rules as readonly string[]).includes(r.id) && exercised(r),
        );
        expect(touched.map((r) => r.id)).not.toEqual([]);
      },
      120_000,
    );
  }
});
