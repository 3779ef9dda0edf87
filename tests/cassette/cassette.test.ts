import { describe, expect, it } from 'vitest';
import { CassetteError, parseCassette } from '../../adapters/cassette';
import { matchKey, wireParamsOf } from '../../adapters/cassette-match';

const header = {
  cassette: 'ebs-conformance',
  version: 1,
  recordedAt: '2026-11-23T00:00:00Z',
  target: {
    kind: 'real',
    capabilities: { reset: false, clockControl: false, admin: false, costsMoney: true, parallelSafe: true },
  },
};
const reset = { type: 'reset', seq: 0 };
const lines = (...objects: unknown[]) => `${objects.map((o) => JSON.stringify(o)).join('\n')}\n`;

describe('cassette files', () => {
  it('reads a header and its events', () => {
    const cassette = parseCassette(lines(header, reset, { type: 'advance-clock', seq: 1, ms: 60_000 }));
    expect(cassette.header.target.kind).toBe('real');
    expect(cassette.events.map((e) => e.type)).toEqual(['reset', 'advance-clock']);
  });

  it('refuses another version, naming both', () => {
    expect(() => parseCassette(lines({ ...header, version: 2 }), 'old.jsonl')).toThrow(
      new CassetteError('old.jsonl is cassette version 2; this harness reads version 1'),
    );
  });

  it('names the damaged line and field', () => {
    expect(() => parseCassette(lines(header, reset, { type: 'advance-clock', seq: 2 }), 'c.jsonl')).toThrow(
      /^c\.jsonl:3: ms: /,
    );
    expect(() => parseCassette(`${lines(header)}{not json\n`, 'c.jsonl')).toThrow(/^c\.jsonl:2: not JSON/);
  });
});

describe('matching requests', () => {
  it('reads the business parameters from query and form body, without the signing ones', () => {
    const params = wireParamsOf({
      url: 'http://h/?AccessKeyId=x&Action=CreateDisk&Format=XML&RegionId=cn-hangzhou&Signature=%2A%2A%2A&SignatureNonce=n&Timestamp=t&Version=v',
      body: 'DiskName=a%20b&Size=20',
    });
    expect(params).toEqual({ RegionId: 'cn-hangzhou', DiskName: 'a b', Size: '20' });
  });

  it('ignores ClientToken but nothing else', () => {
    const key = (p: Record<string, string>) => matchKey('CreateDisk', '2014-05-26', p);
    expect(key({ Size: '20', ClientToken: 'a' })).toBe(key({ Size: '20', ClientToken: 'b' }));
    expect(key({ Size: '20' })).not.toBe(key({ Size: '40' }));
    expect(matchKey('CreateDisk', '2014-05-26', {})).not.toBe(matchKey('DeleteDisk', '2014-05-26', {}));
  });
});
