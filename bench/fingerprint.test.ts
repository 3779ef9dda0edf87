import { describe, expect, it } from 'vitest';
import type { Exchange } from '../adapters';
import { callLine, fingerprint } from './fingerprint';

const exchange = (token: string): Exchange =>
  ({
    call: {
      product: 'ebs',
      version: '2021-07-30',
      action: 'StartDiskReplicaPair',
      params: { ClientToken: token },
    },
    response: { status: 200, headers: {}, body: '{}' },
    outcome: { kind: 'success', body: {} },
  }) as unknown as Exchange;

describe('the behaviour fingerprint', () => {
  it('leaves out only the per-run prefix of a ClientToken', () => {
    expect(callLine(exchange('gd9m00-kkk'))).toBe(callLine(exchange('ggmj00-kkk')));
    expect(callLine(exchange('gd9m00-kkk'))).not.toBe(callLine(exchange('gd9m00-kkj')));
  });

  it('is the same for the same seed, and tells two seeds apart', async () => {
    const [a, b, other] = [await fingerprint(3, 4), await fingerprint(3, 4), await fingerprint(4, 4)];
    expect(b).toEqual(a);
    expect(other.calls).not.toBe(a.calls);
  });
});
