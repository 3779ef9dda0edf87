import fc from 'fast-check';
import type { Variant } from '../../adapters/target';
import { type Sighting, two_region_visibility } from '../checks';
import type { ModelBox } from '../command';
import type { RunSession } from '../session';
import { EBS, nth, pairs, replicationRegions, variant } from './toolkit';

const SITES = ['production', 'backup'] as const;

/**
 * Lists one pair from every replication region, from both Sites: each listing is a checked step,
 * and together they must show the pair exactly at its primary (production) and its standby
 * (backup) region.
 */
class PairVisibilityCommand implements fc.AsyncCommand<ModelBox, RunSession> {
  constructor(
    readonly pair: number,
    readonly variant: Partial<Variant>,
  ) {}

  check(m: Readonly<ModelBox>): boolean {
    return pairs(m.state).length > 0;
  }

  async run(m: ModelBox, session: RunSession): Promise<void> {
    const pair = nth(pairs(m.state), this.pair);
    if (!pair) return;
    const sightings: Sighting[] = [];
    for (const region of replicationRegions(m.state))
      for (const site of SITES) {
        const params = { RegionId: region.id, Site: site, PairIds: pair.id };
        const label = `DescribeDiskReplicaPairs(${region.id}, Site=${site}, the pair)`;
        const answer = await session.step(
          m,
          { call: { ...EBS, action: 'DescribeDiskReplicaPairs', params }, variant: this.variant, label },
          label,
        );
        if (answer?.kind !== 'success') return;
        const rows = Array.isArray(answer.body.ReplicaPairs)
          ? (answer.body.ReplicaPairs as Readonly<Record<string, unknown>>[])
          : [];
        sightings.push({ regionId: region.id, site, listed: rows.some((r) => r.ReplicaPairId === pair.id) });
      }
    const failed = two_region_visibility(pair.id, pair.primary.regionId, pair.standby.regionId, sightings);
    if (failed) session.fail(failed);
  }

  toString(): string {
    return `visibility of pair#${this.pair} from every region and Site`;
  }
}

const pairVisibility = fc
  .record({ pair: fc.nat(), variant })
  .map((g) => new PairVisibilityCommand(g.pair, g.variant));

export const VISIBILITY_COMMANDS = { pairVisibility };

/** How often each command is drawn (properties/commands/index.ts gathers the families). */
export const VISIBILITY_WEIGHTS = {
  pairVisibility: 1,
} satisfies Record<keyof typeof VISIBILITY_COMMANDS, number>;
