import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';

export type Resource<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'ready'; data: T; error?: undefined }
  | { state: 'error'; data?: T; error: ApiError };

/**
 * Loads data through the API module, optionally refreshing on an interval. A failed refresh keeps
 * the last good data alongside the error, so a page can say "stale" instead of going blank.
 */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, refreshMs?: number) {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [loadedAt, setLoadedAt] = useState<Date | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;

  const refresh = useCallback((signal?: AbortSignal) => {
    const controller = signal ? null : new AbortController();
    loadRef
      .current(signal ?? controller!.signal)
      .then((data) => {
        setResource({ state: 'ready', data });
        setLoadedAt(new Date());
      })
      .catch((error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, { title: 'Unexpected error', detail: String(error) });
        setResource((previous) => ({ state: 'error', error: apiError, ...(previous.data !== undefined ? { data: previous.data } : {}) }));
        setLoadedAt(new Date());
      });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    refresh(controller.signal);
    const timer = refreshMs ? setInterval(() => refresh(controller.signal), refreshMs) : undefined;
    return () => {
      controller.abort();
      if (timer) clearInterval(timer);
    };
  }, [refresh, refreshMs]);

  return { resource, loadedAt, refresh: () => refresh() };
}
