import * as api from '../../api';
import { fail, type OperationFn, requireRegion, route } from './context';
import { addPair, pairDiskProblem } from './pair-create';
import { optString, reqString } from './params';

/**
 * The legacy ECS 2014-05-26 CreateDiskReplicaPair (seed document). Its pair (`rp-<suffix>`)
 * holds both disks, so neither can join another pair, but it belongs to the old dialect: the
 * EBS calls do not list or move it (see isEbsPair), and only creation exists in this dialect.
 *
 * The dialect's refusals: an unknown disk is InvalidDiskId.NotFound (404); a disk that cannot
 * be paired (wrong state, category, size, already paired...) is IncorrectDiskStatus (403).
 * Missing parameters (IncompleteParamter, 400) are the protocol layer's, from the operation's
 * `missingCode`.
 */
export const CreateDiskReplicaPair: OperationFn<typeof api.LegacyCreateDiskReplicaPair> = (ctx, p) => {
  const regionId = requireRegion(reqString(p, 'RegionId')).regionId;
  const destinationRegionId = requireRegion(reqString(p, 'DestinationRegionId')).regionId;
  const diskIn = (diskId: string, region: string) => {
    const disk = ctx.account.disks[diskId];
    if (!disk || disk.regionId !== region)
      fail('InvalidDiskId.NotFound', `The disk ${diskId} does not exist in ${region}.`);
    return disk;
  };
  // The seed: the secondary disk is in another region (no same-region pairs in this dialect).
  if (destinationRegionId === regionId)
    fail('IncorrectDiskStatus', `The secondary disk must be in another region than ${regionId}.`);
  const primary = diskIn(reqString(p, 'DiskId'), regionId);
  const standby = diskIn(reqString(p, 'DestinationDiskId'), destinationRegionId);
  const problem = pairDiskProblem(ctx, primary, standby);
  if (problem) fail('IncorrectDiskStatus', `Cannot pair these disks: ${problem}.`);
  const pair = addPair(ctx, {
    primary,
    standby,
    name: reqString(p, 'PairName'),
    description: optString(p, 'Description') ?? '',
    rpo: 900,
    resourceGroupId: '',
    tags: [],
    billing: { chargeType: 'POSTPAY' },
    legacy: true,
  });
  return { PairId: pair.legacyPairId };
};

export const ROUTES = [route(api.LegacyCreateDiskReplicaPair, CreateDiskReplicaPair)];
