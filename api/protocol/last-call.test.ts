import { describe, expect, it } from 'vitest';
import { keepingLast } from './last-call';

describe('keepingLast', () => {
  it('answers the same inputs from memory and computes any other afresh', () => {
    let calls = 0;
    const f = keepingLast((key, text) => `${key}:${text}:${++calls}`);
    expect(f('k', 'a')).toBe('k:a:1');
    expect(f('k', 'a')).toBe('k:a:1');
    expect(f('other', 'a')).toBe('other:a:2');
    expect(f('other', 'b')).toBe('other:b:3');
    expect(f('k', 'a')).toBe('k:a:4');
  });
});
