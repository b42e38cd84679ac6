// Answers computed once per IR node, analysis, patch or model view and shared by every rule that asks: a WeakMap
// keyed by that object, so an answer lives exactly as long as what it is about.

/**
 * `compute`, remembered per `key` object. The value is returned as `compute` made it, to every caller: freeze it
 * in `compute` when callers could change it.
 */
export function memoize<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined && !cache.has(key)) {
      v = compute(key);
      cache.set(key, v);
    }
    return v as V;
  };
}

/** `compute`, remembered per `key` object and `by` (a string, a number, or another object). Shared like {@link memoize}. */
export function memoize2<K extends object, B, V>(compute: (key: K, by: B) => V): (key: K, by: B) => V {
  const cache = new WeakMap<K, Map<B, V>>();
  return (key, by) => {
    let inner = cache.get(key);
    if (!inner) cache.set(key, (inner = new Map()));
    let v = inner.get(by);
    if (v === undefined && !inner.has(by)) {
      v = compute(key, by);
      inner.set(by, v);
    }
    return v as V;
  };
}

/** `compute` run on the first call only (an answer a check needs for some functions of an image, not all). */
export function lazy<V>(compute: () => V): () => V {
  let done = false;
  let v: V;
  return () => {
    if (!done) {
      v = compute();
      done = true;
    }
    return v;
  };
}
