import { describe, expect, it } from 'vitest';
import { overlay } from './overlay';

class Counter {
  #n = 0;
  label = 'counter';
  bump() {
    return ++this.#n;
  }
  send() {
    return 'inner';
  }
}

describe('overlay', () => {
  it("serves its own members first and the target's others bound to the target", () => {
    const view = overlay(new Counter(), { send: () => 'own' });
    expect(view.send()).toBe('own');
    // Unbound, #n would be read on the proxy and throw.
    const { bump } = view;
    expect(bump()).toBe(1);
    expect(view.bump()).toBe(2);
    expect(view.label).toBe('counter');
  });

  it('binds a method once, and again when the target replaces it', () => {
    const inner = new Counter();
    const view = overlay(inner, {});
    expect(view.bump).toBe(view.bump);
    const first = view.bump;
    inner.bump = () => 42;
    expect(view.bump).not.toBe(first);
    expect(view.bump()).toBe(42);
  });
});
