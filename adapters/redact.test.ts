import { describe, expect, it } from 'vitest';
import { percentEncode } from '../api/protocol/encoding';
import { createHttpTarget } from './http-target';
import { createRedactor, maskAccessKeyId, REDACTED, signaturesOf as signaturesFound } from './redact';
import type { Exchange, Variant } from './target';
import { json, scriptedTransport, TransportError } from './testing/scripted-transport';
import type { HttpRequest } from './transport';

const SECRET = 'PLANTED-secret/Value+1=';
const TOKEN = 'PLANTED-sts-token/Value+2=';
const KEY_ID = 'plantedKeyId42';
const credentials = { accessKeyId: KEY_ID, accessKeySecret: SECRET, securityToken: TOKEN };

// A hostile server that echoes the whole request back, in a success body and in an error message,
// the way SignatureDoesNotMatch quotes the string it signed. And one that leaks it in a network error.
const echo = (req: HttpRequest) =>
  JSON.stringify({ url: req.url, headers: req.headers, body: req.body, SECRET, TOKEN });
const script = [
  (req: HttpRequest) => json(200, { RequestId: 'R', Echo: echo(req) }),
  (req: HttpRequest) =>
    json(400, {
      RequestId: 'R',
      Code: 'SignatureDoesNotMatch',
      Message: `server string to sign is:${echo(req)}`,
    }),
  (req: HttpRequest) => {
    throw new TransportError('network', `failed ${req.url} ${SECRET} ${percentEncode(TOKEN)}`);
  },
];

// Independent of redact.ts's own signaturesOf, so a bug there cannot hide here.
function signaturesOf(req: HttpRequest): string[] {
  const all = {
    ...Object.fromEntries(new URL(req.url).searchParams),
    ...Object.fromEntries(new URLSearchParams(req.body)),
  };
  const v3 = /Signature=([0-9a-f]+)/.exec(req.headers.authorization ?? '')?.[1];
  return [all.Signature, v3].filter((s): s is string => !!s).flatMap((s) => [s, percentEncode(s)]);
}

describe('no secret reaches an Exchange', () => {
  const variants: Partial<Variant>[] = [
    { signature: 'v1', method: 'GET' },
    { signature: 'v1', method: 'POST', paramsIn: 'body' },
    { signature: 'v1', method: 'POST', paramsIn: 'split' },
    { signature: 'v3', method: 'POST', paramsIn: 'query' },
    { signature: 'v3', method: 'POST', paramsIn: 'body' },
  ];

  it('searches every serialized exchange for the planted secret, token, signatures and full key id', async () => {
    const exchanges: Exchange[] = [];
    const sent: HttpRequest[] = [];
    for (const entry of script) {
      const scripted = scriptedTransport([entry]);
      const target = createHttpTarget({
        credentials,
        transport: scripted.transport,
        retry: { maxAttempts: 1 },
      });
      for (const variant of variants)
        exchanges.push(
          await target.send({
            product: 'ebs',
            version: '2021-07-30',
            action: 'DescribeDiskReplicaPairs',
            params: { RegionId: 'cn-hangzhou' },
            variant,
          }),
        );
      sent.push(...scripted.sent);
    }
    const text = JSON.stringify(exchanges);
    const forbidden = [
      SECRET,
      TOKEN,
      KEY_ID,
      ...[SECRET, TOKEN, KEY_ID].map(percentEncode),
      ...sent.flatMap(signaturesOf),
    ];
    // The planted values really were on the wire, so the search below is not vacuous.
    expect(JSON.stringify(sent)).toContain(percentEncode(TOKEN));
    expect(sent.flatMap(signaturesOf).length).toBeGreaterThanOrEqual(variants.length * script.length);
    for (const s of forbidden) expect(text).not.toContain(s);
    expect(text).toContain(maskAccessKeyId(KEY_ID));
    expect(exchanges.map((e) => e.outcome.kind)).toContain('error');
    expect(exchanges.map((e) => e.outcome.kind)).toContain('failure');
  });

  it('masks key ids in the test****Id style and hides short ones entirely', () => {
    expect(maskAccessKeyId('testAccessKeyId')).toBe('test****Id');
    expect(maskAccessKeyId('short')).toBe('****');
  });
});

describe('redacting headers', () => {
  const redactor = createRedactor(credentials);

  it('keeps the names, their order and the values that hold nothing secret', () => {
    const headers = { 'Content-Type': 'application/json', 'x-echo': `a ${SECRET} b`, date: 'today' };
    const recorded = redactor.response({ status: 200, headers, body: '' }).headers;
    expect(Object.entries(recorded)).toEqual([
      ['Content-Type', 'application/json'],
      ['x-echo', `a ${REDACTED} b`],
      ['date', 'today'],
    ]);
    expect(headers['x-echo']).toBe(`a ${SECRET} b`);
  });

  it('masks the key and hides the token and signature of a request', () => {
    const headers = {
      host: 'h',
      authorization: `ACS3-HMAC-SHA256 Credential=${KEY_ID},SignedHeaders=host,Signature=abc123`,
      'x-acs-security-token': TOKEN,
      'x-acs-accesskey-id': KEY_ID,
    };
    const recorded = redactor.request({ method: 'POST', url: 'http://h/', headers, body: '' }).headers;
    expect(recorded).toEqual({
      host: 'h',
      authorization: `ACS3-HMAC-SHA256 Credential=${maskAccessKeyId(KEY_ID)},SignedHeaders=host,Signature=${REDACTED}`,
      'x-acs-security-token': REDACTED,
      'x-acs-accesskey-id': maskAccessKeyId(KEY_ID),
    });
  });
});

describe('finding the signatures a request carries', () => {
  const v3 = (authorization: string) =>
    signaturesFound({ method: 'POST', url: 'http://h/', headers: { authorization }, body: '' });

  it('takes the first Signature= followed by lower-case hex, as /Signature=([0-9a-f]+)/ does', () => {
    const cases = [
      'ACS3-HMAC-SHA256 Credential=k,SignedHeaders=host,Signature=0a1b2c',
      'ACS3-HMAC-SHA256 Credential=Signature=,SignedHeaders=host,Signature=ff,Signature=ee',
      'x Signature=XYZ,Signature=9f',
      'x Signature=abcG',
      'x Signature=,SignedHeaders=h',
      '',
    ];
    for (const c of cases) {
      const found = /Signature=([0-9a-f]+)/.exec(c)?.[1];
      expect(v3(c), c).toEqual(found ? [found] : []);
    }
  });

  it('finds a V1 signature in the query and in the body, decoded', () => {
    expect(
      signaturesFound({
        method: 'POST',
        url: 'http://h/?A=1&Signature=a%2Bb%3D',
        headers: {},
        body: 'Signature=c%2Fd',
      }),
    ).toEqual(['a+b=', 'c/d']);
  });
});
