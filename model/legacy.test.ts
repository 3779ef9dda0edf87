import { describe, expect, it } from 'vitest';
import { allowedOutcomes } from './allowed-outcomes';
import { initialState } from './state';
import { asRefusal, asSuccess, codesOf, ecsCall, T0, withDisk } from './testkit';
import { defaultWorld } from './world';

const legacyCreate = (extra: Record<string, unknown> = {}) =>
  ecsCall('CreateDiskReplicaPair', {
    RegionId: 'cn-shanghai',
    DiskId: 'd-p',
    DestinationRegionId: 'cn-beijing',
    DestinationDiskId: 'd-s',
    PairName: 'TestReplicaPair',
    ...extra,
  });

function disks(secondary: Partial<Parameters<typeof withDisk>[1]> = {}) {
  const s = withDisk(initialState(defaultWorld()), { id: 'd-p' });
  return withDisk(s, { id: 'd-s', region: 'cn-beijing', ...secondary });
}

describe('CreateDiskReplicaPair, legacy ECS 2014-05-26 dialect (seed)', () => {
  it('LEGACY.CREATE.REQUIRED_PARAMS and PROTO.LEGACY_ERRORS: no PairName is IncompleteParamter 400', () => {
    const r = asRefusal(allowedOutcomes(disks(), legacyCreate({ PairName: undefined }), T0));
    expect(r.rules).toEqual(expect.arrayContaining(['LEGACY.CREATE.REQUIRED_PARAMS', 'PROTO.LEGACY_ERRORS']));
    expect(r.errors).toEqual([{ code: 'IncompleteParamter', httpStatus: 400 }]);
  });

  it('LEGACY.CREATE.REQUIRED_PARAMS: MissingParameter, the modern spelling, is not the legacy dialect', () => {
    for (const name of ['RegionId', 'DiskId', 'DestinationRegionId', 'DestinationDiskId', 'PairName']) {
      const r = asRefusal(allowedOutcomes(disks(), legacyCreate({ [name]: undefined }), T0));
      expect(codesOf(r), name).not.toContain('MissingParameter');
    }
  });

  it('LEGACY.CREATE.DISKS_EXIST: a secondary that is not in DestinationRegionId is InvalidDiskId.NotFound 404', () => {
    const r = asRefusal(allowedOutcomes(disks(), legacyCreate({ DestinationRegionId: 'cn-heyuan' }), T0));
    expect(r.rules).toContain('LEGACY.CREATE.DISKS_EXIST');
    expect(r.errors).toEqual([{ code: 'InvalidDiskId.NotFound', httpStatus: 404 }]);
  });

  it('LEGACY.CREATE.DISK_STATUS: a disk already paired is IncorrectDiskStatus 403', () => {
    const first = asSuccess(allowedOutcomes(disks(), legacyCreate(), T0));
    const paired = first.next({ PairId: 'rp-1' });
    const r = asRefusal(allowedOutcomes(paired, legacyCreate(), T0));
    expect(r.rules).toContain('LEGACY.CREATE.DISK_STATUS');
    expect(r.errors).toEqual([{ code: 'IncorrectDiskStatus', httpStatus: 403 }]);
  });

  it('LEGACY.CREATE.DISK_STATUS: an encrypted secondary follows the reading encrypted-disks', () => {
    const open = allowedOutcomes(disks({ encrypted: true }), legacyCreate(), T0);
    expect(asSuccess(open).reading?.id).toBe('encrypted-disks');
    expect(asSuccess(open).also.map((e) => e.code)).toContain('IncorrectDiskStatus');
    const refusing = { ...disks({ encrypted: true }), readings: { 'encrypted-disks': 'refused' } };
    const r = asRefusal(allowedOutcomes(refusing, legacyCreate(), T0));
    expect(r.errors).toEqual([{ code: 'IncorrectDiskStatus', httpStatus: 403 }]);
  });

  it('LEGACY.CREATE.SAME_SPEC_AND_SIZE: another size is refused with the one seed code that fits, IncorrectDiskStatus', () => {
    const r = asRefusal(allowedOutcomes(disks({ size: 80 }), legacyCreate(), T0));
    expect(r.rules).toContain('LEGACY.CREATE.SAME_SPEC_AND_SIZE');
    expect(r.undocumented).toBe(true);
    // Not IncompleteParamter (nothing is missing), not InvalidDiskId.NotFound (both disks exist).
    expect(codesOf(r)).toEqual(['IncorrectDiskStatus']);
  });

  it('LEGACY.CREATE.OTHER_REGION: a secondary in the same region is refused', () => {
    const s = withDisk(withDisk(initialState(defaultWorld()), { id: 'd-p' }), {
      id: 'd-s',
      zone: 'cn-shanghai-b',
    });
    const r = asRefusal(allowedOutcomes(s, legacyCreate({ DestinationRegionId: 'cn-shanghai' }), T0));
    expect(r.rules).toContain('LEGACY.CREATE.OTHER_REGION');
  });

  it('LEGACY.CREATE.OTHER_REGION with an unknown disk: either refusal may come first', () => {
    const call = legacyCreate({ DiskId: 'd-unknown000000', DestinationRegionId: 'cn-shanghai' });
    const r = asRefusal(allowedOutcomes(disks({ region: 'cn-shanghai', zone: 'cn-shanghai-b' }), call, T0));
    expect(r.rules).toEqual(
      expect.arrayContaining(['LEGACY.CREATE.DISKS_EXIST', 'LEGACY.CREATE.OTHER_REGION']),
    );
    expect(codesOf(r).sort()).toEqual(['IncorrectDiskStatus', 'InvalidDiskId.NotFound']);
  });

  it('LEGACY.CREATE.RETURNS_PAIR_ID and LEGACY.CREATE.NEEDS_START: PairId answered, pair inactive', () => {
    const e = asSuccess(allowedOutcomes(disks(), legacyCreate(), T0));
    expect(e.rules).toEqual(
      // Two free ESSDs passed the disk-status condition: its accepting case.
      expect.arrayContaining([
        'LEGACY.CREATE.RETURNS_PAIR_ID',
        'LEGACY.CREATE.NEEDS_START',
        'LEGACY.CREATE.DISK_STATUS',
      ]),
    );
    expect(e.present).toContain('PairId');
    expect(e.absent).toContain('ReplicaPairId');
    const s = e.next({ PairId: 'rp-1' });
    expect(s.legacyPairs['rp-1']).toMatchObject({ status: 'inactive', name: 'TestReplicaPair' });
    // The disks are now taken: the EBS dialect cannot pair them again.
    expect(asRefusal(allowedOutcomes(s, legacyCreate(), T0)).rules).toContain('LEGACY.CREATE.DISK_STATUS');
  });
});
