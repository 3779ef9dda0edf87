import { describe, expect, it } from 'vitest';
import { advance } from './advance';
import { afterRefused, allowedOutcomes } from './allowed-outcomes';
import { initialState } from './state';
import {
  apply,
  asRefusal,
  asSuccess,
  codesOf,
  createPairParams,
  deletePairCall,
  ebsCall,
  ecsCall,
  pairScenario,
  startPairCall,
  T0,
  withDisk,
} from './testkit';
import { defaultWorld } from './world';

const createCall = (
  extra: Record<string, unknown> = {},
  primary = 'd-p',
  secondary = 'd-s',
  to = 'cn-beijing',
) =>
  ebsCall('CreateDiskReplicaPair', { ...createPairParams(primary, secondary, 'cn-shanghai', to), ...extra });

/** Two disks, no pair yet. */
function disks(
  primary: Parameters<typeof withDisk>[1],
  secondary: Parameters<typeof withDisk>[1],
  world = defaultWorld(),
) {
  return withDisk(withDisk(initialState(world), primary), secondary);
}
const plain = () => disks({ id: 'd-p' }, { id: 'd-s', region: 'cn-beijing' });
/** A run whose target has shown which region CreateDiskReplicaPair's RegionId names. */
const regionShown = <S extends object>(s: S, choice = 'primary') => ({
  ...s,
  shownReadings: { 'create-pair-region': choice },
});

const _attach = (diskId: string, instanceId: string) =>
  ecsCall('AttachDisk', { DiskId: diskId, InstanceId: instanceId });
const _normalScenario = () => apply(pairScenario(), startPairCall());

describe('CreateDiskReplicaPair', () => {
  it('PAIR.CREATE.STARTS_CREATED: answers ReplicaPairId, goes creating -> created, binds the observed ID', () => {
    const e = asSuccess(allowedOutcomes(plain(), createCall(), T0));
    expect(e.rules).toContain('PAIR.CREATE.STARTS_CREATED');
    expect(e.present).toContain('ReplicaPairId');
    expect(e.transient).toEqual(['creating']);
    expect(e.settlesIn).toEqual(['created']);
    const next = e.next({ ReplicaPairId: 'pair-xyz' });
    expect(next.pairs['pair-xyz']?.status).toBe('creating');
    expect(advance(next, T0).pairs['pair-xyz']?.status).toBe('created');
  });

  it('PAIR.CREATE.ESSD_ONLY: refuses two cloud_ssd disks', () => {
    const s = disks(
      { id: 'd-p', category: 'cloud_ssd' },
      { id: 'd-s', region: 'cn-beijing', category: 'cloud_ssd' },
    );
    const r = asRefusal(allowedOutcomes(s, createCall(), T0));
    expect(r.rules).toContain('PAIR.CREATE.ESSD_ONLY');
    expect(r.undocumented).toBe(true);
  });

  it('PAIR.CREATE.ESSD_ONLY (reading essd-autopl-pairs): cloud_auto is either answer while open, held once shown or settled by the world', () => {
    const spec = (w = defaultWorld()) =>
      disks(
        { id: 'd-p', category: 'cloud_auto' },
        { id: 'd-s', region: 'cn-beijing', category: 'cloud_auto' },
        w,
      );
    const open = asSuccess(allowedOutcomes(regionShown(spec()), createCall(), T0));
    expect(open.reading?.id).toBe('essd-autopl-pairs');
    expect(open.also.map((e) => e.code)).toEqual(['OperationDenied']);
    const refusing = { ...spec(), readings: { 'essd-autopl-pairs': 'refused' } };
    expect(asRefusal(allowedOutcomes(refusing, createCall(), T0)).rules).toContain('PAIR.CREATE.ESSD_ONLY');
    const efficiency = disks(
      { id: 'd-p', category: 'cloud_efficiency' },
      { id: 'd-s', region: 'cn-beijing', category: 'cloud_efficiency' },
    );
    expect(asRefusal(allowedOutcomes(efficiency, createCall(), T0)).rules).toContain('PAIR.CREATE.ESSD_ONLY');
    const ok = asSuccess(
      allowedOutcomes(spec(defaultWorld({ essdAutoPlReplicable: true })), createCall(), T0),
    );
    expect(ok.rules).toContain('PAIR.CREATE.ESSD_ONLY');
  });

  it('PAIR.CREATE.UNENCRYPTED (reading encrypted-disks): an encrypted primary is refused when the reading is refused, either answer while open', () => {
    const s = disks({ id: 'd-p', encrypted: true }, { id: 'd-s', region: 'cn-beijing' });
    const refusedReading = { ...s, readings: { 'encrypted-disks': 'refused' } };
    expect(asRefusal(allowedOutcomes(refusedReading, createCall(), T0)).rules).toEqual([
      'PAIR.CREATE.UNENCRYPTED',
    ]);
    // The call's region is read as the primary's (shown earlier): only the encryption is open.
    const open = asSuccess(allowedOutcomes(regionShown(s), createCall(), T0));
    expect(open.reading?.id).toBe('encrypted-disks');
    expect(open.also.map((e) => e.code)).toEqual(['OperationDenied']);
    // Two readings open on one call: both answers allowed, neither shown by it.
    const both = asSuccess(allowedOutcomes(s, createCall(), T0));
    expect(both.reading).toBeUndefined();
    expect(both.also.map((e) => e.code)).toContain('OperationDenied');
    expect(asSuccess(allowedOutcomes(plain(), createCall(), T0)).rules).toContain('PAIR.CREATE.UNENCRYPTED');
  });

  it('create-pair-region beside a kept refused token: the refusal the token repeats shows nothing of the region', () => {
    // The emulator in several unfavoured alternatives (seed 24, 1000 sequences of 100): a create
    // refused (OperationDenied), then retried with its token and refused the same way, was read as
    // create-pair-region=destination; under refused-call-token=kept it is that refusal again.
    const call = createCall({ ClientToken: 'tk' });
    const open = asSuccess(allowedOutcomes(plain(), call, T0));
    expect(open.reading?.codes).toContain('OperationDenied');
    const retried = asSuccess(allowedOutcomes(afterRefused(plain(), call, 'OperationDenied'), call, T0));
    expect(retried.reading?.id).toBe('create-pair-region');
    expect(retried.reading?.codes).not.toContain('OperationDenied');
    expect(retried.also.map((a) => a.code)).toContain('OperationDenied');
  });

  it("PAIR.CREATE.LOCATION_MATCHES_DISKS (reading create-pair-region): RegionId as the primary's or the secondary's region, either until the target shows which", () => {
    const asPrimary = asSuccess(allowedOutcomes(plain(), createCall(), T0));
    expect(asPrimary.reading).toMatchObject({
      id: 'create-pair-region',
      onSuccess: 'primary',
      onRefusal: 'destination',
    });
    const destinationCall = createCall({ RegionId: 'cn-beijing' });
    const asDestination = asSuccess(allowedOutcomes(plain(), destinationCall, T0));
    expect(asDestination.reading).toMatchObject({
      id: 'create-pair-region',
      onSuccess: 'destination',
      onRefusal: 'primary',
    });
    expect(asDestination.next({ ReplicaPairId: 'pair-d' }).pairs['pair-d']?.primary.diskId).toBe('d-p');
    const fixed = { ...plain(), readings: { 'create-pair-region': 'primary' } };
    expect(asRefusal(allowedOutcomes(fixed, destinationCall, T0)).rules).toEqual([
      'PAIR.CREATE.LOCATION_MATCHES_DISKS',
    ]);
    expect(asSuccess(allowedOutcomes(fixed, createCall(), T0)).reading).toBeUndefined();
    // Neither region: refused whatever the reading.
    const nowhere = createCall({ RegionId: 'cn-heyuan' });
    expect(asRefusal(allowedOutcomes(plain(), nowhere, T0)).rules).toEqual([
      'PAIR.CREATE.LOCATION_MATCHES_DISKS',
    ]);
    // Refused for another reason: the region's codes stay allowed until the target shows its reading.
    const unequal = disks({ id: 'd-p', size: 40 }, { id: 'd-s', region: 'cn-beijing', size: 50 });
    const other = asRefusal(allowedOutcomes(unequal, destinationCall, T0));
    expect(other.rules).toEqual(['PAIR.CREATE.SAME_CATEGORY_PL_SIZE']);
    expect(other.errors.map((e) => e.code)).toContain('NoSuchResource');
    const shown = asRefusal(allowedOutcomes(regionShown(unequal, 'destination'), destinationCall, T0));
    expect(shown.errors.map((e) => e.code)).not.toContain('NoSuchResource');
  });

  it('PAIR.CREATE.SAME_CATEGORY_PL_SIZE: refuses a different size and a different PL', () => {
    const size = disks({ id: 'd-p', size: 40 }, { id: 'd-s', region: 'cn-beijing', size: 50 });
    expect(asRefusal(allowedOutcomes(size, createCall(), T0)).rules).toEqual([
      'PAIR.CREATE.SAME_CATEGORY_PL_SIZE',
    ]);
    const pl = disks(
      { id: 'd-p', size: 500, pl: 'PL1' },
      { id: 'd-s', region: 'cn-beijing', size: 500, pl: 'PL2' },
    );
    expect(asRefusal(allowedOutcomes(pl, createCall(), T0)).rules).toEqual([
      'PAIR.CREATE.SAME_CATEGORY_PL_SIZE',
    ]);
    expect(asSuccess(allowedOutcomes(plain(), createCall(), T0)).rules).toContain(
      'PAIR.CREATE.SAME_CATEGORY_PL_SIZE',
    );
  });

  it('PAIR.CREATE.ONE_PAIR_PER_DISK: refuses a second pair on the same primary', () => {
    const s = withDisk(pairScenario(), { id: 'd-s2', region: 'cn-heyuan' });
    const r = asRefusal(allowedOutcomes(s, createCall({}, 'd-p', 'd-s2', 'cn-heyuan'), T0));
    expect(r.rules).toEqual(['PAIR.CREATE.ONE_PAIR_PER_DISK']);
    expect(codesOf(r)).toContain('OperationDenied');
  });

  it('PAIR.CREATE.ONE_PAIR_PER_DISK: a deleted pair frees its disks', () => {
    let s = apply(pairScenario(), deletePairCall());
    expect(s.pairs['pair-1']).toBeUndefined();
    s = withDisk(s, { id: 'd-s2', region: 'cn-heyuan' });
    expect(asSuccess(allowedOutcomes(s, createCall({}, 'd-p', 'd-s2', 'cn-heyuan'), T0)).rules).toContain(
      'PAIR.CREATE.ONE_PAIR_PER_DISK',
    );
  });

  it('PAIR.CREATE.SECONDARY_ELSEWHERE: same zone refused; same region other zone depends on the world', () => {
    const sameZone = disks({ id: 'd-p' }, { id: 'd-s' });
    const sameZoneCall = ebsCall('CreateDiskReplicaPair', {
      ...createPairParams('d-p', 'd-s', 'cn-shanghai', 'cn-shanghai'),
    });
    expect(asRefusal(allowedOutcomes(sameZone, sameZoneCall, T0)).rules).toEqual([
      'PAIR.CREATE.SECONDARY_ELSEWHERE',
    ]);
    const crossZoneCall = ebsCall('CreateDiskReplicaPair', {
      ...createPairParams('d-p', 'd-s', 'cn-shanghai', 'cn-shanghai'),
      DestinationZoneId: 'cn-shanghai-b',
    });
    const crossZone = disks({ id: 'd-p' }, { id: 'd-s', zone: 'cn-shanghai-b' });
    // The reading same-region-cross-zone: either answer until the target shows one.
    const open = asSuccess(allowedOutcomes(crossZone, crossZoneCall, T0));
    expect(open.rules).toContain('PAIR.CREATE.SECONDARY_ELSEWHERE');
    expect(open.reading).toMatchObject({
      id: 'same-region-cross-zone',
      onSuccess: 'allowed',
      onRefusal: 'refused',
    });
    expect(open.also.map((e) => e.code)).toContain('OperationDenied');
    const refused = { ...crossZone, readings: { 'same-region-cross-zone': 'refused' } };
    expect(asRefusal(allowedOutcomes(refused, crossZoneCall, T0)).rules).toEqual([
      'PAIR.CREATE.SECONDARY_ELSEWHERE',
    ]);
    const allowed = { ...crossZone, readings: { 'same-region-cross-zone': 'allowed' } };
    expect(asSuccess(allowedOutcomes(allowed, crossZoneCall, T0)).reading).toBeUndefined();
  });

  it('PAIR.CREATE.REGIONS_SUPPORT_EAR: refuses a secondary in a region without async replication', () => {
    const s = disks({ id: 'd-p' }, { id: 'd-s', region: 'cn-qingdao', zone: 'cn-qingdao-b' });
    const call = createCall({ DestinationZoneId: 'cn-qingdao-b' }, 'd-p', 'd-s', 'cn-qingdao');
    expect(asRefusal(allowedOutcomes(s, call, T0)).rules).toEqual(['PAIR.CREATE.REGIONS_SUPPORT_EAR']);
  });

  it('PAIR.CREATE.DISKS_EXIST: an unknown disk is a 404 (or, RegionId read as the destination, the region refused first)', () => {
    const r = asRefusal(allowedOutcomes(regionShown(plain()), createCall({ DiskId: 'd-nope' }), T0));
    expect(r.rules).toEqual(['PAIR.CREATE.DISKS_EXIST']);
    expect(r.errors).toContainEqual({ code: 'NoSuchResource', httpStatus: 404 });
    expect(r.errors.every((x) => x.httpStatus === 404)).toBe(true);
    const open = asRefusal(allowedOutcomes(plain(), createCall({ DiskId: 'd-nope' }), T0));
    expect(open.rules).toEqual(['PAIR.CREATE.DISKS_EXIST']);
    expect(open.errors.map((e) => e.code)).toContain('OperationDenied');
  });

  it('PAIR.CREATE.LOCATION_MATCHES_DISKS: SourceZoneId must be the primary disk zone', () => {
    const r = asRefusal(allowedOutcomes(plain(), createCall({ SourceZoneId: 'cn-shanghai-b' }), T0));
    expect(r.rules).toEqual(['PAIR.CREATE.LOCATION_MATCHES_DISKS']);
  });

  it('PAIR.CREATE.POSTPAY_BANDWIDTH (reading postpay-bandwidth): refused or 0 until the target shows which; PREPAY defaults to 10240', () => {
    const fixed = { ...plain(), readings: { 'postpay-bandwidth': 'refused' } };
    expect(asRefusal(allowedOutcomes(fixed, createCall({ Bandwidth: 10240 }), T0)).rules).toEqual([
      'PAIR.CREATE.POSTPAY_BANDWIDTH',
    ]);
    const open = asSuccess(allowedOutcomes(regionShown(plain()), createCall({ Bandwidth: 10240 }), T0));
    expect(open.reading).toMatchObject({ id: 'postpay-bandwidth', onSuccess: 'zero', onRefusal: 'refused' });
    expect(open.next({ ReplicaPairId: 'pair-z' }).pairs['pair-z']?.bandwidth).toBe(0);
    const post = apply(plain(), createCall(), T0, { ReplicaPairId: 'pair-a' });
    expect(post.pairs['pair-a']?.bandwidth).toBe(0);
    const pre = asSuccess(
      allowedOutcomes(plain(), createCall({ ChargeType: 'PREPAY', Period: 1, PeriodUnit: 'Month' }), T0),
    );
    expect(pre.rules).toContain('PAIR.CREATE.POSTPAY_BANDWIDTH');
    expect(pre.next({ ReplicaPairId: 'pair-b' }).pairs['pair-b']?.bandwidth).toBe(10240);
  });

  it('PAIR.CREATE.PREPAY_NEEDS_PERIOD: PREPAY without Period is refused; with it the answer has an OrderId', () => {
    const r = asRefusal(allowedOutcomes(plain(), createCall({ ChargeType: 'PREPAY' }), T0));
    expect(r.rules).toEqual(['PAIR.CREATE.PREPAY_NEEDS_PERIOD']);
    const ok = asSuccess(
      allowedOutcomes(plain(), createCall({ ChargeType: 'PREPAY', Period: 1, PeriodUnit: 'Month' }), T0),
    );
    expect(ok.rules).toContain('PAIR.CREATE.PREPAY_NEEDS_PERIOD');
    expect(ok.present).toContain('OrderId');
  });

  it('PAIR.CREATE.NAME_FORMAT: a name starting with a digit is an invalid parameter', () => {
    const r = asRefusal(allowedOutcomes(plain(), createCall({ PairName: '1pair' }), T0));
    expect(r.rules).toContain('PAIR.CREATE.NAME_FORMAT');
    expect(r.errors.every((x) => x.httpStatus === 400)).toBe(true);
    expect(asSuccess(allowedOutcomes(plain(), createCall({ PairName: 'pair.one' }), T0)).kind).toBe(
      'success',
    );
  });

  it('PAIR.CREATE.DESCRIPTION_FORMAT: a one-character description is an invalid parameter', () => {
    const r = asRefusal(allowedOutcomes(plain(), createCall({ Description: 'x' }), T0));
    expect(r.rules).toContain('PAIR.CREATE.DESCRIPTION_FORMAT');
  });

  it('PAIR.RPO_ONLY_900: RPO 600 is invalid, 900 is fine', () => {
    expect(asRefusal(allowedOutcomes(plain(), createCall({ RPO: '600' }), T0)).rules).toContain(
      'PAIR.RPO_ONLY_900',
    );
    expect(allowedOutcomes(plain(), createCall({ RPO: '900' }), T0).kind).toBe('success');
  });
});
