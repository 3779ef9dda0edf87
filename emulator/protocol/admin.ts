import { z } from 'zod';
import { type EmulatorControl, ServiceError } from '../service/api';
import type { Deviation } from './deviation';
import { FaultRuleSchema, type FaultTable } from './faults';
import { JSON_CONTENT_TYPE, type WireRequest, type WireResponse } from './wire';

/**
 * The unsigned admin endpoints under `/_emulator/`, JSON in and out:
 * `GET health`, `POST reset`, `GET state`, `GET|POST clock`, `GET|POST|DELETE faults`,
 * `DELETE faults/{id}`. Bad input is a 4xx with `{Code, Message}`.
 */
export const ADMIN_PREFIX = '/_emulator';

const json = (status: number, value: unknown): WireResponse => ({
  status,
  headers: { 'content-type': JSON_CONTENT_TYPE },
  body: JSON.stringify(value),
});
const refuse = (status: number, code: string, message: string) =>
  json(status, { Code: code, Message: message });

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `15m`, `90s`, `1.5h`, `200ms`, `2d` in milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  return m ? Math.round(Number(m[1]) * (UNIT_MS[m[2] as string] ?? 0)) : undefined;
}

const ClockAdvance = z.union([
  z.strictObject({ advanceMs: z.number().int().min(0) }),
  z.strictObject({ advance: z.string() }),
]);
const FaultRules = z.union([FaultRuleSchema, z.array(FaultRuleSchema).min(1).max(100)]);
const ResetBody = z.strictObject({ faultProfile: z.string().min(1).optional() });

class BadInput extends Error {}

function readJson(req: WireRequest): unknown {
  const text = typeof req.body === 'string' ? req.body : Buffer.from(req.body).toString('utf8');
  try {
    return JSON.parse(text === '' ? '{}' : text);
  } catch {
    throw new BadInput('the body is not valid JSON');
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new BadInput(z.prettifyError(r.error).replace(/\n/g, ' '));
  return r.data;
}

function clock(control: EmulatorControl, req: WireRequest): WireResponse {
  const c = control.clock;
  if (req.method === 'GET') return json(200, { mode: c.mode, now: c.now(), rate: c.rate ?? 1 });
  const input = parseWith(ClockAdvance, readJson(req));
  const ms = 'advanceMs' in input ? input.advanceMs : parseDuration(input.advance);
  if (ms === undefined) throw new BadInput('advance must look like 200ms, 90s, 15m, 2h or 1d');
  if (!c.advance(ms))
    return refuse(
      409,
      'ClockNotManual',
      'the emulator runs on the real clock (start it with --clock manual)',
    );
  return json(200, { mode: c.mode, now: c.now() });
}

function faultsEndpoint(faults: FaultTable, req: WireRequest, id: string | undefined): WireResponse {
  if (id !== undefined) {
    if (req.method !== 'DELETE') return refuse(405, 'MethodNotAllowed', 'use DELETE on a fault');
    return faults.remove(Number(id)) ? json(200, { removed: 1 }) : refuse(404, 'NotFound', `no fault ${id}`);
  }
  if (req.method === 'GET') return json(200, { faults: faults.list() });
  if (req.method === 'DELETE') {
    const removed = faults.list().length;
    faults.clear();
    return json(200, { removed });
  }
  const input = parseWith(FaultRules, readJson(req));
  const added = (Array.isArray(input) ? input : [input]).map((rule) => faults.add(rule));
  return json(201, { faults: added });
}

/**
 * Back to the seeded world; `{"faultProfile": NAME}` also swaps the fault profile of an emulator
 * started with one (detection runs profile after profile in one process).
 */
function reset(targets: AdminTargets, req: WireRequest): WireResponse {
  const { faultProfile } = parseWith(ResetBody, readJson(req));
  if (faultProfile !== undefined) {
    const { deviation } = targets;
    if (!deviation?.switchTo)
      return refuse(
        409,
        'FaultProfileFixed',
        'the emulator was started without --fault-profile: it answers as documented and takes no profile',
      );
    try {
      deviation.switchTo(faultProfile);
    } catch (err) {
      throw new BadInput(err instanceof Error ? err.message : String(err));
    }
  }
  targets.control.reset();
  targets.faults.clear();
  targets.resetGateway();
  // The clock is not taken back (a manual one only moves on): a client reusing the emulator reads it here.
  const now = targets.control.clock.now();
  return json(200, { status: 'reset', now, ...(faultProfile !== undefined ? { faultProfile } : {}) });
}

const METHODS: Readonly<Record<string, readonly string[]>> = {
  health: ['GET'],
  reset: ['POST'],
  state: ['GET'],
  clock: ['GET', 'POST'],
  faults: ['GET', 'POST', 'DELETE'],
};

export interface AdminTargets {
  readonly control: EmulatorControl;
  readonly faults: FaultTable;
  /** Everything the gateway itself remembers (nonces), forgotten on reset. */
  readonly resetGateway: () => void;
  /** The fault profile's deviation, when one is on (a reset may switch it to another). */
  readonly deviation?: Deviation;
}

export function handleAdmin(targets: AdminTargets, req: WireRequest, path: string): WireResponse {
  const [name = '', id, ...rest] = path.slice(ADMIN_PREFIX.length + 1).split('/');
  const allowed = METHODS[name];
  if (
    !Object.hasOwn(METHODS, name) ||
    !allowed ||
    rest.length > 0 ||
    (id !== undefined && name !== 'faults')
  ) {
    return refuse(404, 'NotFound', `no admin endpoint ${path}`);
  }
  if (!allowed.includes(req.method))
    return refuse(405, 'MethodNotAllowed', `${name} accepts ${allowed.join(', ')}`);
  try {
    switch (name) {
      case 'health':
        return json(200, { status: 'ok' });
      case 'reset':
        return reset(targets, req);
      case 'state':
        return json(200, targets.control.snapshot());
      case 'clock':
        return clock(targets.control, req);
      default:
        return faultsEndpoint(targets.faults, req, id);
    }
  } catch (err) {
    if (err instanceof BadInput || err instanceof ServiceError)
      return refuse(400, 'InvalidInput', err.message);
    throw err;
  }
}
