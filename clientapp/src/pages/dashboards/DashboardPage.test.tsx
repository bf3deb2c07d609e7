import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../api/client';
import type { Dashboard, DashboardData, Me } from '../../api/schemas';
import { SessionProvider } from '../../session/SessionProvider';
import { DashboardPage } from './DashboardPage';
import { seriesResult, tableResult } from './model/fixtures';

const me = (permissions: string[]): Me => ({
  userId: 'u1', actor: 'ann@example.com', tenant: { id: 't1', key: 'acme', name: 'Acme', timeZone: 'UTC' }, role: 'member', permissions, tenants: [],
});

const dashboard: Dashboard = {
  id: 'd1', name: 'Reliability overview', description: 'How CI is doing', isDefault: true, createdAt: '2026-11-01T00:00:00Z', updatedAt: '2026-11-01T00:00:00Z',
  widgets: [
    { id: 'w-rate', title: 'Failure rate by repository', chart: 'line', query: { metric: 'failure_rate', bucket: 'day', groupBy: 'repository' }, layout: { x: 0, y: 2, w: 8, h: 4 } },
    { id: 'w-failures', title: 'Failed jobs', chart: 'stat', query: { metric: 'failures', bucket: null }, layout: { x: 0, y: 0, w: 4, h: 2 } },
    { id: 'w-top', title: 'Top failing jobs', chart: 'table', query: { metric: 'top_failing_jobs' }, layout: { x: 0, y: 6, w: 12, h: 4 } },
    { id: 'w-cost', title: 'Failure cost', chart: 'bar', query: { metric: 'failure_cost', bucket: 'day' }, layout: { x: 4, y: 0, w: 4, h: 2 } },
    { id: 'w-mttr', title: 'Time to recover', chart: 'stat', query: { metric: 'mttr' }, layout: { x: 8, y: 0, w: 4, h: 2 } },
  ],
};

const data: DashboardData = {
  dashboardId: 'd1', from: '2026-10-23T00:00:00Z', to: '2026-11-22T00:00:00Z',
  widgets: [
    { widgetId: 'w-rate', result: seriesResult(), error: null },
    { widgetId: 'w-failures', result: seriesResult({ metric: 'failures', unit: 'count', bucket: null, groupBy: null, series: [{ group: null, points: [{ at: null, value: 1234 }] }] }), error: null },
    { widgetId: 'w-top', result: tableResult(), error: null },
    { widgetId: 'w-cost', result: null, error: { title: 'The metric could not be computed.', detail: 'The query timed out.' } },
    { widgetId: 'w-mttr', result: seriesResult({ metric: 'mttr', unit: 'ms', groupBy: null, series: [{ group: null, points: [{ at: '2026-11-15T00:00:00Z', value: null }] }] }), error: null },
  ],
};

function Location() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

function renderAt(path: string, permissions = ['data:read']) {
  vi.spyOn(api, 'session').mockResolvedValue({ signedIn: true, me: me(permissions) });
  vi.spyOn(api, 'dashboard').mockResolvedValue(dashboard);
  vi.spyOn(api, 'metricsCatalog').mockResolvedValue([
    { code: 'failures', title: 'Failures', description: 'Failed jobs.', shape: 'series', unit: 'count', filters: ['repository', 'branch'], groupBys: ['repository'], bucketed: true },
  ]);
  const loadData = vi.spyOn(api, 'dashboardData').mockResolvedValue({ data, cache: 'hit' });
  render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider>
        <Routes>
          <Route path="/dashboards/:id" element={<DashboardPage />} />
          <Route path="/runs" element={<p>runs explorer</p>} />
        </Routes>
        <Location />
      </SessionProvider>
    </MemoryRouter>,
  );
  return { loadData };
}

// jsdom has neither layout nor canvas for ECharts to draw with; the option mapping has its own tests.
vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

afterEach(cleanup);

describe('DashboardPage', () => {
  it('exports the dashboard as the server renders it, for the range and filters on screen', async () => {
    renderAt('/dashboards/d1?range=30d&branch=main');
    const exported = vi.spyOn(api, 'exportDashboard').mockResolvedValue({ blob: new Blob(['%PDF-']), fileName: 'reliability-overview-2026-10-23.pdf' });
    const createObjectURL = vi.fn(() => 'blob:report');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    fireEvent.click(await screen.findByRole('button', { name: 'PDF' }));
    await vi.waitFor(() => expect(createObjectURL).toHaveBeenCalledTimes(1));
    const [id, format, query] = exported.mock.calls[0]!;
    expect([id, format]).toEqual(['d1', 'pdf']);
    expect(query.branch).toBe('main');
    expect(Date.parse(query.to!) - Date.parse(query.from!)).toBe(30 * 86_400_000);
    expect(query.tz).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('loads every widget in one call, over the range and filters in the address', async () => {
    const { loadData } = renderAt('/dashboards/d1?range=30d&branch=main');
    expect(await screen.findByRole('heading', { name: 'Reliability overview' })).toBeTruthy();
    expect(loadData).toHaveBeenCalledTimes(1);
    const [id, query] = loadData.mock.calls[0]!;
    expect(id).toBe('d1');
    expect(query.branch).toBe('main');
    expect(Date.parse(query.to!) - Date.parse(query.from!)).toBe(30 * 86_400_000);
    expect(screen.getByLabelText<HTMLSelectElement>('Time range').value).toBe('30d');
    expect(screen.getByLabelText<HTMLInputElement>('Branch').value).toBe('main');
  });

  it('shows each widget in its state: drawn, failed, or empty', async () => {
    renderAt('/dashboards/d1');
    const stat = await screen.findByRole('article', { name: 'Failed jobs' });
    expect((await within(stat).findByTestId('stat-value')).textContent).toBe((1234).toLocaleString());

    const failed = screen.getByRole('article', { name: 'Failure cost' });
    expect(within(failed).getByRole('alert').textContent).toContain('The metric could not be computed.');
    expect(within(failed).getByText('The query timed out.')).toBeTruthy();

    expect(within(screen.getByRole('article', { name: 'Time to recover' })).getByText('No data in this range')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'Failure rate by repository' })).getByRole('img', { name: 'Failure rate by repository' })).toBeTruthy();
    expect(screen.getByText('cached')).toBeTruthy();
  });

  it('lays widgets out in reading order, which is how phones stack them', async () => {
    renderAt('/dashboards/d1');
    await screen.findByRole('article', { name: 'Failed jobs' });
    expect(screen.getAllByRole('article').map((a) => a.getAttribute('aria-label'))).toEqual([
      'Failed jobs', 'Failure cost', 'Time to recover', 'Failure rate by repository', 'Top failing jobs',
    ]);
  });

  it('drills from a table row into the runs explorer', async () => {
    renderAt('/dashboards/d1?provider=github');
    const table = await screen.findByRole('article', { name: 'Top failing jobs' });
    fireEvent.click(await within(table).findByRole('link', { name: 'acme/api' }));
    expect(await screen.findByText('runs explorer')).toBeTruthy();
    const params = new URLSearchParams(screen.getByTestId('location').textContent.split('?')[1]);
    expect(Object.fromEntries(params)).toMatchObject({ view: 'jobs', repository: 'acme/api', job: 'unit-tests', provider: 'github', status: 'failure' });
  });

  it('shows no edit controls without dashboards:edit', async () => {
    renderAt('/dashboards/d1');
    await screen.findByRole('article', { name: 'Failed jobs' });
    expect(screen.queryByRole('button', { name: 'Edit dashboard' })).toBeNull();
  });

  it('renames and removes in edit mode, and saves with one PUT', async () => {
    const update = vi.spyOn(api, 'updateDashboard').mockResolvedValue(dashboard);
    renderAt('/dashboards/d1', ['data:read', 'dashboards:edit']);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit dashboard' }));
    fireEvent.change(screen.getByLabelText('Dashboard name'), { target: { value: 'CI health' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Failure cost' }));
    expect(screen.queryByRole('article', { name: 'Failure cost' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await screen.findByRole('button', { name: 'Edit dashboard' });
    const [id, changes] = update.mock.calls[0]!;
    expect(id).toBe('d1');
    expect(changes.name).toBe('CI health');
    expect(changes.widgets.map((w) => w.id)).toEqual(['w-failures', 'w-mttr', 'w-rate', 'w-top']);
  });

  it('keeps the changes and lists the server’s problems when saving fails', async () => {
    vi.spyOn(api, 'updateDashboard').mockRejectedValue(new ApiError(400, {
      title: 'One or more fields are invalid.', errors: { 'widgets[0].layout': ['Layout must fit the 12-column grid.'] },
    }));
    renderAt('/dashboards/d1', ['data:read', 'dashboards:edit']);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit dashboard' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const alert = (await screen.findByText('One or more fields are invalid.')).closest('[role="alert"]')!;
    expect(alert.textContent).toContain('widgets[0].layout: Layout must fit the 12-column grid.');
    expect(screen.getByLabelText('Dashboard name')).toBeTruthy();
  });

  it('adds a widget picked from the catalog, shown once saved', async () => {
    renderAt('/dashboards/d1', ['data:read', 'dashboards:edit']);
    fireEvent.click(await screen.findByRole('button', { name: 'Edit dashboard' }));
    fireEvent.change(await screen.findByLabelText('Group by'), { target: { value: 'repository' } });
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Failures by repository' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add widget' }));
    const added = screen.getByRole('article', { name: 'Failures by repository' });
    expect(within(added).getByText('Save the dashboard to see this widget’s data.')).toBeTruthy();
    expect(screen.getAllByRole('article').at(-1)).toBe(added);
  });
});
