/**
 * The emulator as a server: DescribeDiskReplicaPairs over loopback with undici keep-alive at
 * concurrency 1 and 16, beside the trivial node:http server answering the same bytes, both child
 * processes, measured in the same trial. Every request is signed beforehand with its own nonce
 * (the emulator refuses a nonce it has seen), so neither side pays for signing in the timing.
 */
import { randomUUID } from 'node:crypto';
import {
  type ApiCall,
  createEmulatorTarget,
  DEFAULT_VARIANT,
  EMULATOR_CREDENTIALS,
  signRequest,
} from '../adapters';
import { type Figure, figure } from './figures';
import { rawHttpRate, startRawServer } from './raw-http';
import type { ReplayedExchange } from './replayed-traffic';

const CONCURRENCY = [1, 16] as const;
const REQUESTS = { 1: 3_000, 16: 12_000 } as const;
const LISTING = { RegionId: 'cn-shanghai', MaxResults: '20' } as const;

const ebs = (action: string, params: Record<string, unknown>): ApiCall => ({
  product: 'ebs',
  version: '2021-07-30',
  action,
  params,
});
const ecs = (action: string, params: Record<string, unknown>): ApiCall => ({
  product: 'ecs',
  version: '2014-05-26',
  action,
  params,
});

/** `n` listing requests to `origin`, each with its own nonce, and the answer they all get. */
function signedListings(
  origin: string,
  n: number,
  response: ReplayedExchange['response'],
): ReplayedExchange[] {
  return Array.from({ length: n }, () => ({
    request: signRequest({
      action: 'DescribeDiskReplicaPairs',
      version: '2021-07-30',
      params: LISTING,
      variant: DEFAULT_VARIANT,
      credentials: EMULATOR_CREDENTIALS,
      origin,
      now: Date.now(),
      nonce: randomUUID(),
    }),
    response,
  }));
}

export async function benchEmulatorServing(trials: number, log: (line: string) => void): Promise<Figure[]> {
  const emulator = await createEmulatorTarget({ transitionMs: 0, clockMode: 'manual' });
  try {
    // A listing with something in it: three pairs between Shanghai and Beijing.
    for (let i = 0; i < 3; i++) {
      const disk = async (RegionId: string, ZoneId: string) => {
        const x = await emulator.send(
          ecs('CreateDisk', { RegionId, ZoneId, DiskCategory: 'cloud_essd', Size: 20 }),
        );
        return (x.outcome.kind === 'success' ? x.outcome.body.DiskId : undefined) as string;
      };
      const [primary, standby] = [
        await disk('cn-shanghai', 'cn-shanghai-b'),
        await disk('cn-beijing', 'cn-beijing-f'),
      ];
      await emulator.send(
        ebs('CreateDiskReplicaPair', {
          RegionId: 'cn-shanghai',
          SourceZoneId: 'cn-shanghai-b',
          DiskId: primary,
          DestinationRegionId: 'cn-beijing',
          DestinationZoneId: 'cn-beijing-f',
          DestinationDiskId: standby,
        }),
      );
    }
    const sample = await emulator.send(ebs('DescribeDiskReplicaPairs', LISTING));
    if (!sample.response || sample.outcome.kind !== 'success')
      throw new Error('the emulator did not answer the listing');
    const response = sample.response;
    const raw = await startRawServer(signedListings('http://placeholder', 1, response));
    const emulatorOrigin = emulator.endpoint as string;
    const rates = {
      emulator: { 1: [] as number[], 16: [] as number[] },
      raw: { 1: [] as number[], 16: [] as number[] },
    };
    const ratios = { 1: [] as number[], 16: [] as number[] };
    try {
      for (let trial = 0; trial <= trials; trial++) {
        for (const c of CONCURRENCY) {
          const n = REQUESTS[c];
          const r = await rawHttpRate(raw.origin, signedListings(raw.origin, n, response), n, c);
          const e = await rawHttpRate(emulatorOrigin, signedListings(emulatorOrigin, n, response), n, c);
          if (trial === 0) continue; // warm-up
          rates.raw[c].push(r);
          rates.emulator[c].push(e);
          ratios[c].push(e / r);
          log(`  serving c=${c}: emulator ${Math.round(e)}/s, raw ${Math.round(r)}/s`);
        }
      }
    } finally {
      await raw.close();
    }
    return CONCURRENCY.flatMap((c) => [
      figure(
        `serving.c${c}.emulator`,
        `emulator serving DescribeDiskReplicaPairs, c=${c}`,
        'req/s',
        rates.emulator[c],
      ),
      figure(`serving.c${c}.raw`, `trivial node:http, same bytes, c=${c}`, 'req/s', rates.raw[c]),
      figure(`serving.c${c}.ratio`, `emulator / trivial server, c=${c}`, 'ratio', ratios[c], {
        op: '>=',
        limit: 0.5,
      }),
    ]);
  } finally {
    await emulator.close?.();
  }
}
