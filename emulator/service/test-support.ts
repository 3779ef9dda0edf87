import { findOperation, type Product, type ReadingChoices } from '../../api';
import { type Clock, type ServiceBody, ServiceError } from './api';
import { manualClock } from './clock';
import { createEmulatorService } from './service';
import { INSTANCES } from './world';

/**
 * Helpers for the service's tests: a service on a manual clock, and calls by action name whose
 * success bodies are checked against the spec's response schema, so a field the emulator gets
 * wrong fails every test that touches it.
 */
export const T0 = Date.UTC(2025, 0, 1);
export const AK = 'test-ak';

export function makeService(
  transitionMs = 0,
  extra: { stateFile?: string; idSeed?: number; readings?: ReadingChoices; clock?: Clock } = {},
) {
  const clock = extra.clock ?? manualClock(T0);
  const service = createEmulatorService({ transitionMs, ...extra, clock });
  let n = 0;
  const call = (product: Product, action: string, params: Record<string, unknown>, accessKeyId = AK) => {
    const version = product === 'ebs' ? '2021-07-30' : '2014-05-26';
    const requestId = `req-${++n}`;
    const op = findOperation(product, version, action);
    // Like the protocol layer: the handler sees the output of the operation's request schema.
    const typed = op ? op.request.parse(params) : params;
    const body = service.handle({
      product,
      version,
      action,
      params: typed,
      requestId,
      accessKeyId,
    }) as ServiceBody;
    if (op) op.response.parse({ RequestId: requestId, ...body });
    return body;
  };
  const ebs = (action: string, params: Record<string, unknown>) => call('ebs', action, params);
  const ecs = (action: string, params: Record<string, unknown>) => call('ecs', action, params);
  /** Lets every transient status started so far settle. */
  const settle = () => clock.advance(transitionMs);
  return { service, clock, call, ebs, ecs, settle };
}

export type Harness = ReturnType<typeof makeService>;

/** The code of the ServiceError `fn` throws (and its status override), or a failure. */
export function refusal(fn: () => unknown): { code: string; httpStatus?: number } {
  try {
    fn();
  } catch (err) {
    if (err instanceof ServiceError) {
      return err.httpStatus === undefined
        ? { code: err.code }
        : { code: err.code, httpStatus: err.httpStatus };
    }
    throw err;
  }
  throw new Error('expected a ServiceError, but the call succeeded');
}

export const instanceIn = (zoneId: string) => {
  const instance = INSTANCES.find((i) => i.zoneId === zoneId);
  if (!instance) throw new Error(`no instance in ${zoneId}`);
  return instance.instanceId;
};

export function createDisk(
  h: Harness,
  regionId: string,
  zoneId: string,
  extra: Record<string, unknown> = {},
) {
  const body = h.ecs('CreateDisk', {
    RegionId: regionId,
    ZoneId: zoneId,
    DiskCategory: 'cloud_essd',
    Size: 40,
    ...extra,
  });
  return body.DiskId as string;
}

export interface PairFixture {
  readonly pairId: string;
  readonly primaryDisk: string;
  readonly standbyDisk: string;
}

/** Two ESSDs, Shanghai B -> Beijing F, and a pair between them. */
export function createPair(
  h: Harness,
  from = { region: 'cn-shanghai', zone: 'cn-shanghai-b' },
  to = { region: 'cn-beijing', zone: 'cn-beijing-f' },
  extra: Record<string, unknown> = {},
): PairFixture {
  const primaryDisk = createDisk(h, from.region, from.zone);
  const standbyDisk = createDisk(h, to.region, to.zone);
  h.settle();
  const body = h.ebs('CreateDiskReplicaPair', {
    RegionId: from.region,
    SourceZoneId: from.zone,
    DiskId: primaryDisk,
    DestinationRegionId: to.region,
    DestinationZoneId: to.zone,
    DestinationDiskId: standbyDisk,
    ...extra,
  });
  return { pairId: body.ReplicaPairId as string, primaryDisk, standbyDisk };
}

/** The pair as DescribeDiskReplicaPairs shows it from its production region. */
export function describePair(h: Harness, pairId: string, regionId = 'cn-shanghai', site = 'production') {
  const body = h.ebs('DescribeDiskReplicaPairs', { RegionId: regionId, PairIds: [pairId], Site: site });
  return (body.ReplicaPairs as Record<string, unknown>[])[0];
}

export const pairStatus = (h: Harness, pairId: string) => describePair(h, pairId)?.Status;
