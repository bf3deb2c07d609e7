import { useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { LoadedDashboardData } from '../../api/client';
import { dataQuery, readView, writeView, type DashboardView } from './model/view';

export interface DashboardDataState {
  loaded: (LoadedDashboardData & { loadedAt: Date }) | null;
  error: unknown;
  loading: boolean;
}

/**
 * All widgets' data in one call, fetched again when the view or `reloads` changes. The last data stays
 * on screen while the next loads, so changing a filter does not blank the dashboard.
 */
export function useDashboardData(dashboardId: string, view: DashboardView, reloads: number): DashboardDataState {
  const [state, setState] = useState<DashboardDataState>({ loaded: null, error: null, loading: true });
  // Compared by its address form: a new object with the same content must not fetch again.
  const viewKey = writeView(view).toString();

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    // Presets are relative to now, resolved when fetched: a reload moves "last 24 hours" forward.
    const current = readView(new URLSearchParams(viewKey));
    api.dashboardData(dashboardId, dataQuery(current, new Date()), controller.signal).then(
      (loaded) => setState({ loaded: { ...loaded, loadedAt: new Date() }, error: null, loading: false }),
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        setState((previous) => ({ ...previous, error: error instanceof ApiError ? error : new ApiError(0, { detail: String(error) }), loading: false }));
      },
    );
    return () => controller.abort();
  }, [dashboardId, viewKey, reloads]);

  return state;
}
