/**
 * `ebs-conformance/vitest`: a vitest fixture that starts the emulator on a real socket once per
 * test file (in-process, on a free port of 127.0.0.1) and hands each test its endpoint and
 * credentials, the world learnt through the API, the typed client, and helpers that put pairs in
 * a given state. State is reset before every test (tests of one file run one after another).
 *
 *   import { test } from 'ebs-conformance/vitest';
 *   test('fails over', async ({ emulator, ebs }) => { const pair = await ebs.pairIn('normal'); ... });
 *
 * It also exports `conformanceSuite()`, the property suite as one vitest test per rule
 * (cli/vitest-suite.ts).
 */
import { test as base } from 'vitest';
import { DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET, startEmulator } from '../emulator';
import { createClient, type EbsClient } from './client';
import { type EmulatorControls, emulatorControls } from './controls';
import { type Scenarios, scenarios } from './scenarios';
import { learnWorld, type World } from './world';

export {
  type ConformanceSuite,
  type ConformanceSuiteOptions,
  conformanceSuite,
  suiteSettings,
} from '../cli/vitest-suite';
export * from './controls';
export type { PairHandle, PairOptions, PairState, Scenarios } from './scenarios';
export type { Site, World, WorldRegion, WorldZone } from './world';

export interface EbsFixtureOptions {
  /** How long transient statuses last (default 0: settled at once). */
  readonly transitionMs?: number;
  /** `manual` (default): time moves only through `emulator.clock.advance`; `real`: the wall clock. */
  readonly clock?: 'manual' | 'real';
  readonly accessKeyId?: string;
  readonly accessKeySecret?: string;
  readonly idSeed?: number;
  /** Reset the emulator before each test (default true). */
  readonly isolate?: boolean;
}

export interface EmulatorFixture extends EmulatorControls {
  /** `http://127.0.0.1:PORT`: every product and region is served here. */
  readonly url: string;
  readonly port: number;
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** Spread into the official SDK's Config: `new $OpenApiUtil.Config({ ...emulator.sdkConfig, regionId })`. */
  readonly sdkConfig: {
    readonly accessKeyId: string;
    readonly accessKeySecret: string;
    readonly endpoint: string;
    readonly protocol: 'http';
  };
  /** The typed client, pointed at the emulator. */
  readonly client: EbsClient;
  readonly transitionMs: number;
}

export interface EbsFixtures {
  readonly emulator: EmulatorFixture;
  readonly world: World;
  readonly ebs: Scenarios;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A `test` with the fixtures, configured; `test` below is the default configuration. */
export function createEbsTest(options: EbsFixtureOptions = {}) {
  const accessKeyId = options.accessKeyId ?? DEFAULT_ACCESS_KEY_ID;
  const accessKeySecret = options.accessKeySecret ?? DEFAULT_ACCESS_KEY_SECRET;
  const transitionMs = options.transitionMs ?? 0;
  return base.extend<EbsFixtures & { isolation: undefined }>({
    emulator: [
      // biome-ignore lint/correctness/noEmptyPattern: vitest requires an object pattern for fixtures.
      async ({}, use) => {
        const running = await startEmulator({
          transitionMs,
          clock: options.clock ?? 'manual',
          accessKeyId,
          accessKeySecret,
          ...(options.idSeed === undefined ? {} : { idSeed: options.idSeed }),
        });
        const client = createClient({ endpoint: running.url, credentials: { accessKeyId, accessKeySecret } });
        try {
          await use({
            ...emulatorControls(running.service, running.handler),
            url: running.url,
            port: running.port,
            accessKeyId,
            accessKeySecret,
            sdkConfig: {
              accessKeyId,
              accessKeySecret,
              endpoint: `127.0.0.1:${running.port}`,
              protocol: 'http',
            },
            client,
            transitionMs,
          });
        } finally {
          await client.close();
          await running.close();
        }
      },
      { scope: 'file' },
    ],
    world: [async ({ emulator }, use) => use(await learnWorld(emulator.client)), { scope: 'file' }],
    isolation: [
      async ({ emulator }, use) => {
        if (options.isolate !== false) await emulator.reset();
        await use(undefined);
      },
      { auto: true },
    ],
    ebs: async ({ emulator, world }, use) => {
      const pass = (ms: number) =>
        emulator.clock.mode === 'manual' ? Promise.resolve(emulator.clock.advance(ms)) : sleep(ms);
      await use(scenarios({ client: emulator.client, world, pass, transitionMs }));
    },
  });
}

export const test = createEbsTest();
export { describe, expect } from 'vitest';
