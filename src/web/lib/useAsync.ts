/** Load data in an effect, with loading/error state and a reload function. */
import { useCallback, useEffect, useState } from 'react';

/** State of an async load. */
export interface AsyncState<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * Runs `load` whenever `deps` change; stale answers (from earlier deps) are dropped.
 * `load` returning `undefined` skips loading (e.g. nothing selected yet).
 */
export function useAsync<T>(load: () => Promise<T> | undefined, deps: readonly unknown[]): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's `deps` are the dependencies of `load`.
  useEffect(() => {
    let live = true;
    const p = load();
    if (!p) {
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(undefined);
    p.then(
      (v) => {
        if (!live) return;
        setData(v);
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // `tick` is not read: a new value is how `reload` asks for the same load again.
  }, [...deps, tick]);
  return { data, error, loading, reload };
}
