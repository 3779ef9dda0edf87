import fc from 'fast-check';
import { type Disk, type ModelState, pairHolding } from '../../model';
import { CallCommand } from '../command';
import { PAIR_STATES } from '../coverage';
import { affordable, pairBilling, shown } from './billing';
import { RESOURCE_GROUPS, resourceGroupParam, tagArb } from './tags';
import {
  createToken,
  disks,
  EBS,
  ECS,
  idFlaw,
  idParam,
  label,
  nth,
  pairs,
  pickIn,
  preferred,
  rarely,
  ref,
  regionFor,
  type Side,
  sending,
  side,
  UNKNOWN,
  variant,
  withToken,
} from './toolkit';

/** How the disks of a pair are chosen: the common plain pair, or one of a kind the docs single out. */
type DiskChoice = 'plain' | 'sameRegion' | 'encrypted' | 'nonEssd';

const isPlain = (d: Disk) => d.category === 'cloud_essd' && !d.encrypted;

/** Disks that may be the primary of a pair of that choice. */
const primariesFor: Record<DiskChoice, (d: Disk) => boolean> = {
  plain: isPlain,
  sameRegion: isPlain,
  encrypted: (d) => d.category === 'cloud_essd' && d.encrypted,
  nonEssd: (d) => d.category !== 'cloud_essd',
};

/**
 * A secondary of the same category, performance level and size as `primary`, free, and placed as
 * the choice says: another region, or another zone of the primary's region (same-region cross-zone).
 * For a plain pair it is unencrypted, so that valid pairs are common.
 */
function partnerFor(
  s: ModelState,
  primary: Disk,
  position: number,
  choice: DiskChoice = 'plain',
): Disk | undefined {
  const fits = disks(s).filter(
    (d) =>
      d.id !== primary.id &&
      (choice === 'sameRegion'
        ? d.regionId === primary.regionId && d.zoneId !== primary.zoneId
        : d.regionId !== primary.regionId) &&
      d.category === primary.category &&
      d.performanceLevel === primary.performanceLevel &&
      d.size === primary.size &&
      (choice === 'encrypted' || !d.encrypted) &&
      !pairHolding(s, d.id),
  );
  return nth(fits, position);
}

type CreateFlaw =
  | 'none'
  | 'anySecondary'
  | 'sizeMismatch'
  | 'categoryMismatch'
  | 'wrongRegion'
  | 'unknownDisk'
  | 'missingDisk'
  | 'longToken'
  | 'badName'
  | 'badDescription'
  | 'sameRegion'
  | 'encrypted'
  | 'nonEssd';

const DISK_CHOICE: Partial<Record<CreateFlaw, DiskChoice>> = {
  sameRegion: 'sameRegion',
  encrypted: 'encrypted',
  nonEssd: 'nonEssd',
};

/** A secondary in another region that differs from `primary` the way the flaw says. */
function mismatchFor(s: ModelState, primary: Disk, flaw: CreateFlaw, position: number): Disk | undefined {
  const elsewhere = disks(s).filter((d) => d.regionId !== primary.regionId && !pairHolding(s, d.id));
  if (flaw === 'sizeMismatch')
    return nth(
      elsewhere.filter((d) => d.category === primary.category && d.size !== primary.size),
      position,
    );
  return nth(
    elsewhere.filter((d) => d.category !== primary.category),
    position,
  );
}

const createPair = fc
  .record({
    primary: fc.nat(),
    secondary: fc.nat(),
    flaw: fc.constantFrom<CreateFlaw>(
      'none',
      'none',
      'none',
      'none',
      'none',
      'anySecondary',
      'wrongRegion',
      'unknownDisk',
      'none',
      'sizeMismatch',
      'categoryMismatch',
      'missingDisk',
      'longToken',
      'badName',
      'badDescription',
      'sameRegion',
      'encrypted',
      'nonEssd',
    ),
    named: fc.boolean(),
    billing: pairBilling,
    // Tags and a resource group on some creates (TAG.CREATE.BINDS, the Describe filters).
    tagged: fc.option(fc.uniqueArray(tagArb, { minLength: 1, maxLength: 2, selector: (t) => t.Key }), {
      nil: undefined,
    }),
    resourceGroup: fc.option(fc.constantFrom(...RESOURCE_GROUPS), { nil: undefined, freq: 3 }),
    token: createToken,
    retry: rarely(3),
    variant,
  })
  .map(
    (g) =>
      new CallCommand('CreateDiskReplicaPair', g, (s) => {
        const list = disks(s);
        const choice = DISK_CHOICE[g.flaw] ?? 'plain';
        // Mostly a disk that has a documented partner, so that valid pairs are common.
        const free = list.filter((d) => !pairHolding(s, d.id));
        const matched = free.filter((d) => primariesFor[choice](d) && partnerFor(s, d, 0, choice));
        const primary = nth(g.flaw === 'anySecondary' ? free : matched, g.primary) ?? nth(list, g.primary);
        if (!primary) return undefined;
        const mismatch = g.flaw === 'sizeMismatch' || g.flaw === 'categoryMismatch';
        const secondary =
          g.flaw === 'anySecondary'
            ? nth(list, g.secondary)
            : mismatch
              ? mismatchFor(s, primary, g.flaw, g.secondary)
              : partnerFor(s, primary, g.secondary, choice);
        if (!secondary) return undefined;
        const billing = affordable(s, g.billing);
        const region = g.flaw === 'wrongRegion' ? secondary.regionId : primary.regionId;
        const token = g.flaw === 'longToken' ? 'x'.repeat(65) : g.token;
        const params = withToken(
          {
            RegionId: region,
            SourceZoneId: primary.zoneId,
            ...(g.flaw === 'missingDisk'
              ? {}
              : { DiskId: g.flaw === 'unknownDisk' ? UNKNOWN.disk : primary.id }),
            DestinationRegionId: secondary.regionId,
            DestinationZoneId: secondary.zoneId,
            DestinationDiskId: secondary.id,
            ...(g.named || g.flaw === 'badName'
              ? { PairName: g.flaw === 'badName' ? 'http://x' : 'dr-pair' }
              : {}),
            ...(g.flaw === 'badDescription' ? { Description: 'https://example.com/pair' } : {}),
            ...(g.tagged ? { Tag: g.tagged } : {}),
            ...resourceGroupParam(s, g.resourceGroup),
            ...billing,
          },
          token,
        );
        return {
          call: { ...EBS, action: 'CreateDiskReplicaPair', params },
          variant: g.variant,
          label: label(
            'CreateDiskReplicaPair',
            `${ref('disk', list, primary.id)} -> ${ref('disk', list, secondary.id)}`,
            g.flaw !== 'none' && g.flaw,
            ...shown(billing),
            g.token,
          ),
        };
      }),
  );

/** The seed's dialect: ECS 2014-05-26, PairName required, answers PairId. */
const createLegacyPair = fc
  .record({
    primary: fc.nat(),
    secondary: fc.nat(),
    named: fc.boolean(),
    unknown: rarely(6),
    otherSize: rarely(4),
    variant,
  })
  .map(
    (g) =>
      new CallCommand('CreateDiskReplicaPair (ECS)', g, (s) => {
        const list = disks(s);
        const primary = nth(list, g.primary);
        // Now and then a secondary of another size (LEGACY.CREATE.SAME_SPEC_AND_SIZE).
        const other =
          primary && g.otherSize ? mismatchFor(s, primary, 'sizeMismatch', g.secondary) : undefined;
        const secondary = primary && (other ?? partnerFor(s, primary, g.secondary) ?? nth(list, g.secondary));
        if (!primary || !secondary) return undefined;
        const params = {
          RegionId: primary.regionId,
          // A disk that does not exist (LEGACY.CREATE.DISKS_EXIST).
          DiskId: g.unknown ? UNKNOWN.disk : primary.id,
          DestinationRegionId: secondary.regionId,
          DestinationDiskId: secondary.id,
          ...(g.named ? { PairName: 'legacy-pair' } : {}),
        };
        return {
          call: { ...ECS, action: 'CreateDiskReplicaPair', params },
          variant: g.variant,
          label: label(
            'CreateDiskReplicaPair[ecs]',
            `${ref('disk', list, primary.id)} -> ${ref('disk', list, secondary.id)}`,
            !g.named && 'no PairName',
            g.unknown && 'unknown primary disk',
            g.otherSize && 'secondary of another size',
          ),
        };
      }),
  );

/**
 * Calls on one pair: by position (preferring a pair in a generated status), in a chosen region,
 * sometimes by an unknown or malformed ID or none at all.
 */
function onPair(
  action: string,
  extra: fc.Arbitrary<Record<string, unknown>>,
  where: fc.Arbitrary<Side> = side,
) {
  return fc
    .record({
      pair: fc.nat(),
      status: preferred(PAIR_STATES),
      where,
      id: idFlaw,
      extra,
      ...sending,
    })
    .map(
      (g) =>
        new CallCommand(action, g, (s) => {
          const list = pairs(s);
          const pair = pickIn(list, g.pair, g.status);
          if (!pair) return undefined;
          const params = withToken(
            {
              RegionId: regionFor(s, pair, g.where),
              ...idParam('ReplicaPairId', pair.id, 'pair', g.id),
              ...g.extra,
            },
            action.startsWith('Describe') ? undefined : g.token,
          );
          const extras = Object.entries(g.extra).map(([k, v]) => `${k}=${String(v)}`);
          return {
            call: { ...EBS, action, params },
            variant: g.variant,
            label: label(
              action,
              g.id === 'none' ? ref('pair', list, pair.id) : `${g.id} pair ID`,
              `in ${g.where}`,
              ...extras,
              g.token,
            ),
          };
        }),
    );
}

const none = fc.constant({});

export const PAIR_COMMANDS = {
  createPair,
  createLegacyPair,
  startPair: onPair('StartDiskReplicaPair', fc.oneof(none, none, fc.constant({ OneShot: true }))),
  stopPair: onPair('StopDiskReplicaPair', none),
  failoverPair: onPair('FailoverDiskReplicaPair', none),
  reprotectPair: onPair(
    'ReprotectDiskReplicaPair',
    fc.oneof(none, none, fc.constant({ ReverseReplicate: false })),
  ),
  deletePair: onPair('DeleteDiskReplicaPair', none),
  modifyPair: onPair(
    'ModifyDiskReplicaPair',
    fc.constantFrom(
      { PairName: 'renamed' },
      // Bandwidth, not open for use (the reading bandwidth-not-open).
      { PairName: 'renamed', Bandwidth: 10240 },
      { Description: 'a new description' },
      { PairName: '1bad' },
      { Description: 'http://not-allowed' },
      { Description: 'd'.repeat(257) },
    ),
  ),
  describeProgress: onPair('DescribeDiskReplicaPairProgress', none),
};

/** How often each command is drawn (properties/commands/index.ts gathers the families). */
export const PAIR_WEIGHTS = {
  createPair: 8,
  createLegacyPair: 1,
  startPair: 5,
  stopPair: 3,
  failoverPair: 4,
  reprotectPair: 4,
  deletePair: 2,
  modifyPair: 2,
  describeProgress: 2,
} satisfies Record<keyof typeof PAIR_COMMANDS, number>;

/** The command drawing an ordinary call of each operation, by `product:action` (parameter sweeps start from it). */
export const PAIR_BASES = {
  'ecs:CreateDiskReplicaPair': PAIR_COMMANDS.createLegacyPair,
  'ebs:CreateDiskReplicaPair': PAIR_COMMANDS.createPair,
  'ebs:StartDiskReplicaPair': PAIR_COMMANDS.startPair,
  'ebs:StopDiskReplicaPair': PAIR_COMMANDS.stopPair,
  'ebs:FailoverDiskReplicaPair': PAIR_COMMANDS.failoverPair,
  'ebs:ReprotectDiskReplicaPair': PAIR_COMMANDS.reprotectPair,
  'ebs:DeleteDiskReplicaPair': PAIR_COMMANDS.deletePair,
  'ebs:ModifyDiskReplicaPair': PAIR_COMMANDS.modifyPair,
  'ebs:DescribeDiskReplicaPairProgress': PAIR_COMMANDS.describeProgress,
};
