import type { DescribeRegions } from '../../api';
import * as api from '../../api';
import type { Handler } from '../context';
import { decide } from '../context';
import { observe } from '../expectation';
import type { Row } from './pairs';

/**
 * What DescribeRegions shows: with ResourceType=ear exactly the regions and zones that offer async
 * replication (PROTO.REGIONS_EAR). Other resource types are outside the model: any listing is fine.
 */
export const describeRegions: Handler<typeof DescribeRegions> = (ctx) => {
  if (ctx.params.ResourceType !== 'ear')
    return observe(ctx.state, { rules: ['PROTO.DESCRIBE_IS_PROJECTION'] });
  const rows: Row[] = ctx.state.world.regions
    .filter((r) => r.asyncReplication)
    // As the response nests them (Regions[].Zones[].ZoneId), in the order the world was learnt in.
    .map((r) => ({
      RegionId: r.id,
      Zones: r.zones.filter((z) => z.asyncReplication).map((z) => ({ ZoneId: z.id })),
    }));
  return observe(ctx.state, {
    rules: ['PROTO.DESCRIBE_IS_PROJECTION', 'PROTO.REGIONS_EAR'],
    listing: {
      field: 'Regions',
      idField: 'RegionId',
      rows,
      page: { mode: 'token', maxResults: rows.length, continued: false },
    },
  });
};

export const DECISIONS = [decide(api.DescribeRegions, describeRegions)];
