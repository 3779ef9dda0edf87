import fc from 'fast-check';
import { listPairs } from '../../model';
import type { ModelBox } from '../command';
import type { RunSession } from '../session';
import { EBS, nth, replicationRegions, variant } from './toolkit';

type Site = 'production' | 'backup';

/**
 * A full NextToken walk of DescribeDiskReplicaPairs with a small page size: every page is
 * checked on its own by the step, and together the pages must add up to the listing, with no
 * duplicates and no gaps.
 */
class WalkPairsCommand implements fc.AsyncCommand<ModelBox, RunSession> {
  constructor(
    readonly region: number,
    readonly site: Site,
    readonly maxResults: number,
    readonly variant: Record<string, string>,
  ) {}

  check(m: Readonly<ModelBox>): boolean {
    return replicationRegions(m.state).length > 0;
  }

  async run(m: ModelBox, session: RunSession): Promise<void> {
    const region = nth(replicationRegions(m.state), this.region);
    if (!region) return;
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 1; page <= 50; page++) {
      const params = {
        RegionId: region.id,
        Site: this.site,
        MaxResults: this.maxResults,
        ...(token ? { NextToken: token } : {}),
      };
      const label = `DescribeDiskReplicaPairs(${region.id}, Site=${this.site}, MaxResults=${this.maxResults}, page ${page})`;
      const answer = await session.step(
        m,
        { call: { ...EBS, action: 'DescribeDiskReplicaPairs', params }, variant: this.variant, label },
        label,
      );
      if (answer?.kind !== 'success') return;
      const rows = Array.isArray(answer.body.ReplicaPairs)
        ? (answer.body.ReplicaPairs as Record<string, unknown>[])
        : [];
      seen.push(...rows.map((r) => String(r.ReplicaPairId)));
      token =
        typeof answer.body.NextToken === 'string' && answer.body.NextToken !== ''
          ? answer.body.NextToken
          : undefined;
      if (!token) break;
    }
    const expected = listPairs(m.state, { regionId: region.id, site: this.site }).map((p) => p.id);
    const duplicate = seen.find((id, i) => seen.indexOf(id) !== i);
    const missing = expected.filter((id) => !seen.includes(id));
    const extra = session.options.isolated ? seen.filter((id) => !expected.includes(id)) : [];
    if (!duplicate && missing.length === 0 && extra.length === 0) return;
    session.fail({
      check: 'pagination_conformance',
      category: 'pagination',
      title: duplicate
        ? `a NextToken walk lists ${duplicate} twice`
        : missing.length > 0
          ? `a NextToken walk never lists ${missing.join(', ')}`
          : `a NextToken walk lists ${extra.join(', ')}, which the model does not hold here`,
      operation: 'DescribeDiskReplicaPairs',
      rules: ['PAIR.DESCRIBE.TOKEN_PAGING'],
      expected: JSON.stringify(expected),
      received: JSON.stringify(seen),
    });
  }

  toString(): string {
    return `walk DescribeDiskReplicaPairs(region#${this.region}, Site=${this.site}, MaxResults=${this.maxResults})`;
  }
}

export const walkPairs = fc
  .record({
    region: fc.nat(),
    site: fc.constantFrom<Site>('production', 'backup'),
    maxResults: fc.integer({ min: 1, max: 2 }),
    variant,
  })
  .map((g) => new WalkPairsCommand(g.region, g.site, g.maxResults, g.variant as Record<string, string>));

export const WALK_COMMANDS = { walkPairs };
