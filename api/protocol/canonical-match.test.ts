import { describe, expect, it } from 'vitest';
import { isCanonicalRequest } from './canonical-match';
import { EMPTY_BODY_SHA256, type V3Request, v3CanonicalRequest } from './signature-v3';

// Built independently, as the documentation states it (and as this code did before it compared).
function reference(r: V3Request): string {
  const names = [...r.signedHeaders].sort();
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const query = Object.keys(r.query)
    .sort()
    .map((k) => `${enc(k)}=${enc(r.query[k] ?? '')}`)
    .join('&');
  return [
    r.method.toUpperCase(),
    '/',
    query,
    names.map((h) => `${h}:${(r.headers[h] ?? '').trim()}\n`).join(''),
    names.join(';'),
    r.payloadHash,
  ].join('\n');
}

const base: V3Request = {
  method: 'post',
  query: { RegionId: 'cn-hangzhou', DiskIds: '["d-1","d-2"]', Name: "it's (mine)*" },
  headers: {
    host: 'ebs.example.test',
    'x-acs-action': 'DescribeDisks',
    'x-acs-date': '2026-01-02T03:04:05Z',
    'x-acs-signature-nonce': 'n-1',
    'x-acs-content-sha256': EMPTY_BODY_SHA256,
  },
  signedHeaders: ['x-acs-signature-nonce', 'host', 'x-acs-date', 'x-acs-action', 'x-acs-content-sha256'],
  payloadHash: EMPTY_BODY_SHA256,
};
const names = [...base.signedHeaders].sort();
const text = reference(base);

describe('reading a canonical request off a text', () => {
  it('recognises the text the request builds, with or without the encoded query given', () => {
    expect(isCanonicalRequest(text, base, names)).toBe(true);
    const encodedQuery = text.split('\n')[2] as string;
    expect(isCanonicalRequest(text, { ...base, encodedQuery }, names)).toBe(true);
    // Whitespace around a header value is trimmed in the canonical form.
    const padded = { ...base, headers: { ...base.headers, host: '  ebs.example.test ' } };
    expect(isCanonicalRequest(text, padded, names)).toBe(true);
  });

  const changes: [string, Partial<V3Request>][] = [
    ['the method', { method: 'GET' }],
    ['a query value', { query: { ...base.query, RegionId: 'cn-shanghai' } }],
    ['one more parameter', { query: { ...base.query, Zone: 'a' } }],
    ['one parameter less', { query: { RegionId: 'cn-hangzhou', DiskIds: '["d-1","d-2"]' } }],
    ['a header value', { headers: { ...base.headers, 'x-acs-signature-nonce': 'n-2' } }],
    ['the body hash', { payloadHash: 'ab'.repeat(32) }],
  ];
  it.each(changes)('tells a request that differs in %s', (_what, change) => {
    const other = { ...base, ...change };
    expect(isCanonicalRequest(text, other, [...other.signedHeaders].sort())).toBe(false);
  });

  it('tells a request signing fewer headers, and a text with more after it', () => {
    const fewer = names.filter((h) => h !== 'host');
    expect(isCanonicalRequest(text, { ...base, signedHeaders: fewer }, fewer)).toBe(false);
    expect(isCanonicalRequest(`${text}\n`, base, names)).toBe(false);
  });

  it('leaves v3CanonicalRequest building each request right, one after another and twice over', () => {
    const second = { ...base, headers: { ...base.headers, 'x-acs-signature-nonce': 'n-2' } };
    const otherHost = { ...base, headers: { ...base.headers, host: 'other.example.test' } };
    const fewer = { ...base, signedHeaders: base.signedHeaders.filter((h) => h !== 'x-acs-date') };
    for (const r of [
      base,
      base,
      second,
      second,
      base,
      { ...second, query: {} },
      otherHost,
      fewer,
      base,
      fewer,
    ])
      expect(v3CanonicalRequest(r)).toBe(reference(r));
  });
});
