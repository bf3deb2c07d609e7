import { useCallback, useEffect, useState } from 'react';

/** A keyset-paged list as the API answers it (runs, jobs, alert history). */
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset pages appended one after another; starts over whenever the loader (its filters) changes, or on reload (after a change). */
export function useListPages<T>(load: (cursor: string | null, signal?: AbortSignal) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [state, setState] = useState<'loading' | 'idle' | 'done'>('loading');
  const [error, setError] = useState<unknown>(null);

  const fetchPage = useCallback(async (from: string | null, signal?: AbortSignal) => {
    setState('loading');
    setError(null);
    try {
      const page = await load(from, signal);
      setItems((current) => (from ? [...current, ...page.items] : page.items));
      setCursor(page.nextCursor);
      setState(page.nextCursor ? 'idle' : 'done');
    } catch (caught) {
      if (caught instanceof DOMException && caught.name === 'AbortError') return;
      setError(caught);
      setState('idle');
    }
  }, [load]);

  useEffect(() => {
    const controller = new AbortController();
    void fetchPage(null, controller.signal);
    return () => controller.abort();
  }, [fetchPage]);

  return { items, state, error, more: cursor && state === 'idle' ? () => fetchPage(cursor) : null, reload: () => fetchPage(null) };
}
