import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import type { Dashboard, Me } from '../../api/schemas';
import { SessionProvider } from '../../session/SessionProvider';
import { DashboardsPage } from './DashboardsPage';

afterEach(cleanup);

function renderList(permissions: string[]) {
  const me: Me = { userId: 'u1', actor: 'ann@example.com', tenant: { id: 't1', key: 'acme', name: 'Acme', timeZone: 'UTC' }, role: 'admin', permissions, tenants: [] };
  vi.spyOn(api, 'session').mockResolvedValue({ signedIn: true, me: me });
  vi.spyOn(api, 'dashboards').mockResolvedValue([
    { id: 'd1', name: 'Reliability overview', description: null, isDefault: true, widgetCount: 8, updatedAt: '2026-11-20T00:00:00Z' },
  ]);
  vi.spyOn(api, 'dashboardTemplates').mockResolvedValue([{ id: 'reliability', name: 'Reliability overview', description: 'Failure rate, MTTR, cost', widgets: [] }]);
  render(
    <MemoryRouter initialEntries={['/dashboards']}>
      <SessionProvider>
        <Routes>
          <Route path="/dashboards" element={<DashboardsPage />} />
          <Route path="/dashboards/:id" element={<p>dashboard page</p>} />
        </Routes>
      </SessionProvider>
    </MemoryRouter>,
  );
}

describe('DashboardsPage', () => {
  it('creates a dashboard from a template and opens it', async () => {
    const create = vi.spyOn(api, 'createDashboard').mockResolvedValue({ id: 'd2' } as Dashboard);
    renderList(['data:read', 'dashboards:edit']);
    expect(await screen.findByRole('link', { name: 'Reliability overview' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'Release health' } });
    fireEvent.change(await screen.findByLabelText('Start from'), { target: { value: 'reliability' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create dashboard' }));
    expect(await screen.findByText('dashboard page')).toBeTruthy();
    expect(create).toHaveBeenCalledWith({ name: 'Release health', templateId: 'reliability' });
  });

  it('lists without create or delete for a reader', async () => {
    renderList(['data:read']);
    expect(await screen.findByText('default')).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Create a dashboard' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });
});
