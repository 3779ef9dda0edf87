import { describe, expect, it } from 'vitest';
import { checkRealFlags } from './real-flags';

const consent = { EBS_CONFORMANCE_ALLOW_REAL: '1' };

describe('--resource-group', () => {
  it('is taken on a real run, as often as given, when each names a resource group', () => {
    expect(() =>
      checkRealFlags({ target: 'real', resourceGroup: ['rg-aek2alpha', 'rg-acfmbeta'] }, consent),
    ).not.toThrow();
  });

  it('refuses an ID of another kind, and the flag on another target', () => {
    expect(() => checkRealFlags({ target: 'real', resourceGroup: ['d-bp1disk'] }, consent)).toThrow(
      /--resource-group d-bp1disk is not a resource group ID/,
    );
    expect(() => checkRealFlags({ target: 'emulator', resourceGroup: ['rg-aek2alpha'] }, consent)).toThrow(
      /--resource-group is only for --target real/,
    );
  });
});
