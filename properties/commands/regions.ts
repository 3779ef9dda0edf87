import fc from 'fast-check';
import { DescribeRegions } from '../../api';
import { CallCommand } from '../command';
import { EBS, label, nth, replicationRegions, variant } from './toolkit';

/** The values the catalogue documents for one of DescribeRegions' enum parameters. */
function documented(name: string): readonly string[] {
  const kind = DescribeRegions.params.find((p) => p.name === name)?.kind;
  return kind?.type === 'string' && kind.enum ? kind.enum : [];
}

/**
 * DescribeRegions as a judged call: every documented ResourceType and AcceptLanguage, or none,
 * asked from a replication region or from none (the endpoint's own region then answers).
 */
const describeRegions = fc
  .record({
    resourceType: fc.constantFrom(undefined, ...documented('ResourceType')),
    language: fc.constantFrom(undefined, ...documented('AcceptLanguage')),
    from: fc.option(fc.nat(), { nil: undefined }),
    variant,
  })
  .map(
    (g) =>
      new CallCommand('DescribeRegions', g, (s) => {
        const home = replicationRegions(s)[0];
        if (!home) return undefined;
        const from = g.from === undefined ? undefined : nth(replicationRegions(s), g.from);
        const params = {
          ...(from ? { RegionId: from.id } : {}),
          ...(g.resourceType ? { ResourceType: g.resourceType } : {}),
          ...(g.language ? { AcceptLanguage: g.language } : {}),
        };
        return {
          call: { ...EBS, action: 'DescribeRegions', params },
          ...(from ? {} : { region: home.id }),
          variant: g.variant,
          label: label(
            'DescribeRegions',
            from?.id,
            g.resourceType && `ResourceType=${g.resourceType}`,
            g.language && `AcceptLanguage=${g.language}`,
          ),
        };
      }),
  );

export const REGION_COMMANDS = { describeRegions };

/** The command drawing an ordinary call of each operation, by `product:action` (parameter sweeps start from it). */
export const REGION_BASES = {
  'ebs:DescribeRegions': REGION_COMMANDS.describeRegions,
};

export const REGION_WEIGHTS = { describeRegions: 1 } satisfies Record<keyof typeof REGION_COMMANDS, number>;
