/**
 * The unsigned `/_emulator/` admin endpoints, as a client: health, reset and clock. Used by the
 * emulator target (which owns its emulator) and, read-only, by the endpoint target's probe.
 */
import { TargetError } from './target';
import { type Transport, TransportError } from './transport';

export interface AdminClient {
  /** True when `GET /_emulator/health` answers 200 with `{status: "ok"}`; never throws. */
  healthy(timeoutMs?: number): Promise<boolean>;
  reset(): Promise<void>;
  /**
   * Back to the seeded world with another fault profile (an emulator started with one); resolves
   * to the emulator's clock then (epoch ms), which a manual clock does not take back.
   */
  switchFaultProfile(name: string): Promise<number>;
  advanceClock(ms: number): Promise<void>;
  /** The emulator's clock (epoch ms): a manual one stands wherever the runs before moved it. */
  clock(): Promise<number>;
}

export function adminClient(origin: string, transport: Transport, timeoutMs = 10_000): AdminClient {
  async function call(method: 'GET' | 'POST', name: string, body?: unknown, timeout = timeoutMs) {
    const res = await transport({
      method,
      url: `${origin}/_emulator/${name}`,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? '' : JSON.stringify(body),
      timeoutMs: timeout,
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed as Record<string, unknown> | undefined };
  }

  async function mustSucceed(what: string, method: 'GET' | 'POST', name: string, body?: unknown) {
    let res: Awaited<ReturnType<typeof call>>;
    try {
      res = await call(method, name, body);
    } catch (err) {
      throw new TargetError(
        'TARGET_ADMIN_FAILED',
        `${what}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    if (res.status !== 200) {
      const detail = res.body?.Code ? `${res.body.Code}: ${res.body.Message ?? ''}` : `HTTP ${res.status}`;
      throw new TargetError('TARGET_ADMIN_FAILED', `${what}: ${detail}`);
    }
    return res.body;
  }

  return {
    async healthy(timeout = 2_000) {
      try {
        const res = await call('GET', 'health', undefined, timeout);
        return res.status === 200 && res.body?.status === 'ok';
      } catch (err) {
        if (err instanceof TransportError) return false;
        throw err;
      }
    },
    reset: async () => {
      await mustSucceed('reset', 'POST', 'reset');
    },
    async switchFaultProfile(faultProfile) {
      const what = `switch to fault profile ${faultProfile}`;
      const body = await mustSucceed(what, 'POST', 'reset', { faultProfile });
      if (typeof body?.now !== 'number') throw new TargetError('TARGET_ADMIN_FAILED', `${what}: no clock`);
      return body.now;
    },
    advanceClock: async (ms) => {
      await mustSucceed('advance the clock', 'POST', 'clock', { advanceMs: ms });
    },
    async clock() {
      const body = await mustSucceed('read the clock', 'GET', 'clock');
      if (typeof body?.now !== 'number')
        throw new TargetError('TARGET_ADMIN_FAILED', 'read the clock: no now');
      return body.now;
    },
  };
}
