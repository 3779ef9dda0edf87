import { describe, expect, it } from 'vitest';
import { parseRequest } from './params';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('parsing a request', () => {
  it('keeps parameters named like Object.prototype fields as plain parameters, in order', () => {
    const parsed = parseRequest({
      method: 'post',
      url: '/?__proto__=a&toString=b&constructor=c&RegionId=cn-hangzhou',
      headers: {},
      body: '',
    });
    expect(Object.entries(parsed.params)).toEqual([
      ['__proto__', 'a'],
      ['toString', 'b'],
      ['constructor', 'c'],
      ['RegionId', 'cn-hangzhou'],
    ]);
    expect(Object.getPrototypeOf(parsed.params)).toBe(Object.prototype);
    expect(parsed.method).toBe('POST');
  });

  it('merges a form body over the query, a name in both keeping its place and taking the body’s value', () => {
    const parsed = parseRequest({
      method: 'POST',
      url: '/?A=1&B=2',
      headers: FORM,
      body: Buffer.from('B=3&__proto__=x&C=a%20b+c'),
    });
    expect(Object.entries(parsed.params)).toEqual([
      ['A', '1'],
      ['B', '3'],
      ['__proto__', 'x'],
      ['C', 'a b c'],
    ]);
    expect(parsed.query).toEqual({ A: '1', B: '2' });
  });
});
