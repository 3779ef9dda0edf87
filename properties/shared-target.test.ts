import { describe, expect, it } from 'vitest';
import { initialState } from '../model';
import { defaultWorld } from '../model/world';
import { namespacedCall, namespacedToken, Ownership } from './shared-target';

describe('namespacedToken', () => {
  it('puts the namespace in front of a short token', () => {
    expect(namespacedToken('tok-a', 'r1a0-')).toBe('r1a0-tok-a');
  });

  it('keeps a 64-character token valid and a 65-character one over-long', () => {
    expect(namespacedToken('k'.repeat(64), 'r1a0-')).toHaveLength(64);
    expect(namespacedToken('k'.repeat(64), 'r1a0-').startsWith('r1a0-')).toBe(true);
    expect(namespacedToken('k'.repeat(65), 'r1a0-')).toHaveLength(65);
  });

  it('gives two sequences different tokens for the same generated one', () => {
    expect(namespacedToken('tok-a', 'r1a0-')).not.toBe(namespacedToken('tok-a', 'r1a1-'));
  });

  it('sends a token already in the namespace as it is: a retry replays the recorded call', () => {
    const once = namespacedToken('tok-a', 'r1a0-');
    expect(namespacedToken(once, 'r1a0-')).toBe(once);
    // Another sequence's namespace is not this one's: its token is made this sequence's own.
    expect(namespacedToken(once, 'r1a1-')).toBe('r1a1-r1a0-tok-a');
  });

  it('leaves calls without a token, or without a namespace, as they are', () => {
    const call = { product: 'ebs', version: '2021-07-30', action: 'X', params: { RegionId: 'r' } } as const;
    expect(namespacedCall(call, 'ns-')).toBe(call);
    const withToken = { ...call, params: { ClientToken: 'tok-b' } };
    expect(namespacedCall(withToken, '')).toBe(withToken);
    expect(namespacedCall(withToken, 'ns-').params.ClientToken).toBe('ns-tok-b');
  });
});

describe('Ownership', () => {
  it('retires an ID the sequence held once the model no longer holds it', () => {
    const empty = initialState(defaultWorld());
    const disk = {
      id: 'd-1',
      regionId: 'r',
      zoneId: 'z',
      category: 'cloud_essd',
      size: 20,
      encrypted: false,
    } as const;
    const held = { ...empty, disks: { 'd-1': disk } };
    const ownership = new Ownership();
    ownership.hold(held);
    expect(ownership.retired.has('d-1')).toBe(false);
    ownership.hold(empty);
    expect([...ownership.retired]).toEqual(['d-1']);
  });
});
