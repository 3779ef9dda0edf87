/**
 * An undo log over plain JSON data, so a mutating call can work on the committed account itself
 * and a refusal still leaves no half change: `journal(root).view` is `root` seen through proxies
 * that log every write (set, delete) with the value it replaced, and `rollback()` puts those
 * values back, newest first. A call pays for what it touches, not for the size of the account
 * (a whole-account `structuredClone` per call cost more than the operation itself).
 *
 * Only the underlying objects are ever stored: a view written into the data (a record moved
 * from one map to another, an array of views built by `filter`) is unwrapped first, so the state
 * stays plain data that `structuredClone` and JSON can copy once the call is over.
 */
type Data = Record<PropertyKey, unknown>;

export interface Journal<T extends object> {
  readonly view: T;
  /** Undoes every write made through the view, newest first. */
  rollback(): void;
  /** The plain data behind any views inside `value` (for what leaves the call: its answer). */
  plain<V>(value: V): V;
}

interface Entry {
  readonly target: Data;
  readonly key: PropertyKey;
  readonly had: boolean;
  readonly old: unknown;
}

export function journal<T extends object>(root: T): Journal<T> {
  const log: Entry[] = [];
  const views = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();

  function plain<V>(value: V): V {
    if (typeof value !== 'object' || value === null) return value;
    const target = targets.get(value);
    if (target) return target as V;
    // A fresh object may hold views (spread from one, or an array built from them).
    const data = value as Data;
    for (const key of Object.keys(data)) {
      const v = data[key];
      if (typeof v === 'object' && v !== null) {
        const p = plain(v);
        if (p !== v) data[key] = p;
      }
    }
    return value;
  }

  function record(target: Data, key: PropertyKey): void {
    // Writing an element moves an array's length by itself: log the length it had first.
    if (Array.isArray(target) && key !== 'length')
      log.push({ target, key: 'length', had: true, old: target.length });
    log.push({ target, key, had: Object.hasOwn(target, key), old: target[key] });
  }

  const handler: ProxyHandler<Data> = {
    get(target, key) {
      const value = target[key];
      return typeof value === 'object' && value !== null ? viewOf(value) : value;
    },
    set(target, key, value) {
      record(target, key);
      target[key] = plain(value);
      return true;
    },
    deleteProperty(target, key) {
      if (Object.hasOwn(target, key)) {
        record(target, key);
        delete target[key];
      }
      return true;
    },
  };

  function viewOf(value: object): object {
    let view = views.get(value);
    if (!view) {
      view = new Proxy(value as Data, handler);
      views.set(value, view);
      targets.set(view, value);
    }
    return view;
  }

  return {
    view: viewOf(root) as T,
    plain,
    rollback() {
      for (let i = log.length - 1; i >= 0; i--) {
        const { target, key, had, old } = log[i] as Entry;
        if (had) target[key] = old;
        else delete target[key];
      }
      log.length = 0;
    },
  };
}
