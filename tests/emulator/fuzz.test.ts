import fc from 'fast-check';
import { Pool } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../api/operations';
import { type RunningEmulator, signV1, signV3, startEmulator, type WireRequest } from '../../emulator';

// Malformed requests against the real server: whatever arrives, the server answers (never
// crashes), never blames itself (5xx) for a client's mistake, and every error is well formed.
let target: RunningEmulator;
let pool: Pool;
beforeAll(async () => {
  target = await startEmulator({ transitionMs: 0 });
  pool = new Pool(target.url, { connections: 4 });
});
afterAll(async () => {
  await pool.close();
  await target.close();
});

const text = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%ZZ',
    '%E0%A4',
    '+',
    '&&',
    '==',
    '[1,2',
    '["d-1"]',
    '-1',
    '1e999',
    'true',
    'ç',
  ),
  fc.integer().map(String),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
);

/** A plausible call: a real operation with some of its parameters, some random ones. */
const call = fc.record({
  op: fc.constantFrom(...OPERATIONS.map((op) => ({ action: op.action, version: op.version }))),
  values: fc.dictionary(
    fc.constantFrom(
      'RegionId',
      'DiskId',
      'ReplicaPairId',
      'Size',
      'Tag.1.Key',
      'PairIds',
      'DiskIds',
      'MaxResults',
      'Junk',
    ),
    text,
    { maxKeys: 5 },
  ),
  dialect: fc.constantFrom('v1-query', 'v1-body', 'v1-split', 'v3', 'v3-body'),
  format: fc.constantFrom(undefined, 'JSON', 'json', 'XML', 'yaml'),
});

/** What goes wrong with it on the way. */
const mutation = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({
    kind: fc.constant('method' as const),
    method: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  }),
  fc.record({ kind: fc.constant('path' as const), path: fc.constantFrom('/x', '//', '/%', '/_emulatorx') }),
  fc.record({
    kind: fc.constant('url-garbage' as const),
    suffix: fc.string({ unit: 'binary', maxLength: 40 }),
  }),
  fc.record({
    kind: fc.constant('body-garbage' as const),
    body: fc.string({ unit: 'binary', maxLength: 200 }),
  }),
  fc.record({
    kind: fc.constant('drop' as const),
    name: fc.constantFrom(
      'Signature',
      'AccessKeyId',
      'Timestamp',
      'SignatureNonce',
      'Action',
      'Version',
      'authorization',
      'x-acs-date',
    ),
  }),
  fc.record({
    kind: fc.constant('tamper' as const),
    header: fc.constantFrom('authorization', 'x-acs-content-sha256', 'x-acs-action', 'content-type'),
    value: fc.string({ maxLength: 30 }),
  }),
);

type Call = typeof call extends fc.Arbitrary<infer T> ? T : never;
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function build(c: Call): WireRequest {
  const o = { action: c.op.action, version: c.op.version, params: c.values, format: c.format };
  switch (c.dialect) {
    case 'v1-query':
      return signV1(o);
    case 'v1-body':
      return signV1({ ...o, layout: 'body' });
    case 'v1-split':
      return signV1({ ...o, layout: 'split' });
    case 'v3-body':
      return signV3({ ...o, inBody: true });
    default:
      return signV3(o);
  }
}

function mutate(req: WireRequest, m: Mutation): WireRequest {
  const headers = { ...(req.headers as Record<string, string>) };
  switch (m.kind) {
    case 'method':
      return { ...req, method: m.method };
    case 'path':
      return { ...req, url: req.url.replace(/^\/[^?]*/, m.path) };
    case 'url-garbage':
      return {
        ...req,
        url: `${req.url}${req.url.includes('?') ? '&' : '?'}${encodeURI(m.suffix).replace(/#/g, '%23')}`,
      };
    case 'body-garbage':
      return {
        ...req,
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body: m.body,
      };
    case 'drop':
      delete headers[m.name];
      return {
        ...req,
        headers,
        url: req.url.replace(new RegExp(`([?&])${m.name}=[^&]*`), '$1'),
        body: String(req.body).replace(new RegExp(`(^|&)${m.name}=[^&]*`), ''),
      };
    case 'tamper':
      headers[m.header] = m.value;
      return { ...req, headers };
    default:
      return req;
  }
}

const ERROR_FIELDS = ['RequestId', 'HostId', 'Code', 'Message', 'Recommend'];

async function check(req: WireRequest): Promise<void> {
  const res = await pool.request({
    method: req.method as 'GET',
    path: req.url,
    headers: { ...(req.headers as Record<string, string>), host: `127.0.0.1:${target.port}` },
    body: req.method === 'GET' || req.method === 'OPTIONS' ? undefined : req.body,
  });
  const body = await res.body.text();
  expect(res.statusCode, body).toBeLessThan(500);
  if (res.statusCode === 200) return;
  const contentType = String(res.headers['content-type']);
  if (contentType.startsWith('text/xml')) {
    expect(body).toMatch(
      /^<\?xml[^>]*\?><Error><RequestId>[^<]+<\/RequestId><HostId>.*<\/HostId><Code>[^<]+<\/Code><Message>.*<\/Message><Recommend>[^<]+<\/Recommend><\/Error>$/s,
    );
  } else {
    const json = JSON.parse(body) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(ERROR_FIELDS);
    for (const f of ERROR_FIELDS) expect(typeof json[f]).toBe('string');
  }
}

describe('fuzzing the server with malformed requests', () => {
  it('never crashes, never answers 5xx for a client mistake, always a well-formed error', async () => {
    await fc.assert(
      fc.asyncProperty(call, mutation, async (c, m) => check(mutate(build(c), m))),
      { numRuns: 300 },
    );
    // Still serving afterwards.
    const health = await pool.request({ method: 'GET', path: '/_emulator/health' });
    expect(await health.body.json()).toEqual({ status: 'ok' });
  });
});
