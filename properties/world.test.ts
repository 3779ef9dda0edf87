import { afterEach, describe, expect, it } from 'vitest';
import { createMockTarget } from '../adapters/mock-target';
import type { ApiCall, Target } from '../adapters/target';
import { learnWorldNoting, WorldDiscoveryError } from './world';

type Body = Record<string, unknown>;
type Rewrite = (call: ApiCall, body: Body) => Body;

const open: Target[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((t) => t.close?.()));
});

/** The emulator behind a target that rewrites each success body: a target we did not write. */
function rewriting(rewrite: Rewrite): Target {
  const inner = createMockTarget({ retry: { maxAttempts: 1 } });
  open.push(inner);
  return {
    ...inner,
    async send(call) {
      const ex = await inner.send(call);
      if (ex.outcome.kind !== 'success') return ex;
      return { ...ex, outcome: { kind: 'success', body: rewrite(call, structuredClone(ex.outcome.body)) } };
    },
  };
}

const regionsOf = (body: Body) => body.Regions as Body[];
const onAction =
  (action: string, rewrite: (body: Body) => Body): Rewrite =>
  (call, body) =>
    call.action === action ? rewrite(body) : body;

describe('learning the world', () => {
  it('reads the emulator with nothing to note', async () => {
    const { world, notes } = await learnWorldNoting(rewriting((_, b) => b));
    expect(notes).toEqual([]);
    expect(world.regions.filter((r) => r.asyncReplication).length).toBeGreaterThanOrEqual(2);
    expect(world.instances.length).toBeGreaterThan(0);
  });

  it('does not abort on a missing RequestId, LocalName or RegionEndpoint, or an undocumented resource type', async () => {
    const target = rewriting(
      onAction('DescribeRegions', (body) => {
        const { RequestId: _, ...rest } = body;
        for (const r of regionsOf(rest)) {
          delete r.LocalName;
          delete r.RegionEndpoint;
          for (const z of r.Zones as Body[])
            z.ResourceTypes = [...(z.ResourceTypes as string[]), 'backup-vault'];
        }
        return rest;
      }),
    );
    const { world, notes } = await learnWorldNoting(target);
    expect(world.regions.filter((r) => r.asyncReplication).length).toBeGreaterThanOrEqual(2);
    expect(notes[0]).toBe('DescribeRegions(ear): the answer has no RequestId');
    expect(
      notes.some((n) => /zone \S+ lists undocumented resource types \["backup-vault"\]; ignored/.test(n)),
    ).toBe(true);
  });

  it('skips, with a note each, a region without RegionId, a zone without ear and an instance in an unknown status', async () => {
    let skippedRegion = '';
    let dropped = '';
    const target = rewriting((call, body) => {
      if (call.action === 'DescribeRegions') {
        const [first, second] = regionsOf(body) as [Body, Body];
        skippedRegion = String(first.RegionId);
        delete first.RegionId;
        const zone = (second.Zones as Body[])[0] as Body;
        dropped = String(zone.ZoneId);
        zone.ResourceTypes = ['lens'];
      }
      if (call.action === 'DescribeInstances') {
        for (const i of (body.Instances as { Instance: Body[] }).Instance) i.Status = 'Hibernating';
      }
      return body;
    });
    const { world, notes } = await learnWorldNoting(target);
    expect(world.regions.map((r) => r.id)).not.toContain(skippedRegion);
    expect(world.regions.flatMap((r) => r.zones).find((z) => z.id === dropped)?.asyncReplication).toBe(false);
    expect(world.instances).toEqual([]);
    expect(notes).toContain('DescribeRegions(ear): region #1 has no RegionId; skipped');
    expect(notes.some((n) => n.includes(`zone ${dropped} is listed without ear`))).toBe(true);
    expect(notes.some((n) => /instance \S+ has the undocumented Status "Hibernating"; skipped/.test(n))).toBe(
      true,
    );
  });

  it('fails with a WorldDiscoveryError that says what it could not use when too little is left', async () => {
    const target = rewriting(onAction('DescribeRegions', (body) => ({ ...body, Regions: 'none' })));
    const err = await learnWorldNoting(target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorldDiscoveryError);
    expect((err as Error).message).toMatch(
      /fewer than two regions support async replication \(ear\); DescribeRegions\(ear\): no Regions list \(got string\)/,
    );
  });
});
