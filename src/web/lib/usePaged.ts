/** A cursor-paged list: the first page on every change of `deps`, more pages appended on demand. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types.ts';

/** State of a paged list. */
export interface PagedState<T> {
  items: T[];
  /** Every match, as the server counts them. */
  total: number;
  /** True while another page exists. */
  hasMore: boolean;
  loading: boolean;
  error: Error | undefined;
  loadMore(): void;
  /** Reloads from the first page (e.g. a live update). */
  reload(): void;
}

/**
 * `load(cursor)` fetches one page (`cursor` undefined for the first); returning `undefined` skips loading.
 * Answers for earlier `deps` are dropped, so a slow old page never lands in a new list.
 */
export function usePaged<T>(
  load: (cursor: string | undefined) => Promise<Page<T>> | undefined,
  deps: readonly unknown[],
): PagedState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | undefined>(undefined);
  const [tick, setTick] = useState(0);
  const generation = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const fetchPage = useCallback((cursor: string | undefined, append: boolean) => {
    const gen = generation.current;
    const p = loadRef.current(cursor);
    if (!p) {
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(undefined);
    p.then(
      (page) => {
        if (gen !== generation.current) return;
        setItems((old) => (append ? [...old, ...page.items] : page.items));
        setTotal(page.total);
        setNext(page.nextCursor);
        setLoading(false);
      },
      (e: unknown) => {
        if (gen !== generation.current) return;
        setError(e instanceof Error ? e : new Error(String(e)));
        setLoading(false);
      },
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps decide when the list restarts
  useEffect(() => {
    generation.current++;
    fetchPage(undefined, false);
  }, [...deps, tick]);

  const loadMore = useCallback(() => {
    if (next && !loading) fetchPage(next, true);
  }, [next, loading, fetchPage]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { items, total, hasMore: next !== null, loading, error, loadMore, reload };
}
