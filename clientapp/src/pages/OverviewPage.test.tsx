import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client';
import type { Me, RunSummary } from '../api/schemas';
import { SessionProvider } from '../session/SessionProvider';
import { OverviewPage } from './OverviewPage';
import { FIRST_RUN_POLL_MS } from './onboarding/useFirstRun';

const me = (permissions: string[]): Me => ({
  userId: 'u1', actor: 'ann@example.com', tenant: { id: 't1', key: 'acme', name: 'Acme', timeZone: 'UTC' }, role: 'owner', permissions, tenants: [],
});

const run: RunSummary = {
  id: 7, provider: 'api', externalId: 'first-run', attempt: 1, repository: 'acme/shop', pipeline: 'ci', branch: 'main', commitSha: null,
  trigger: null, actor: null, status: 'success', queuedAt: null, startedAt: '2026-12-07T10:00:00Z', finishedAt: '2026-12-07T10:05:00Z',
  durationMs: 300_000, sortedAt: '2026-12-07T10:00:00Z',
};

function renderHome(permissions: string[]) {
  vi.spyOn(api, 'session').mockResolvedValue({ signedIn: true, me: me(permissions) });
  vi.spyOn(api, 'dashboards').mockResolvedValue([
    { id: 'd-1', name: 'Reliability overview', description: null, isDefault: true, widgetCount: 6, updatedAt: '2026-12-07T10:00:00Z' },
  ]);
  render(
    <MemoryRouter initialEntries={['/']}>
      <SessionProvider>
        <Routes>
          <Route path="/" element={<OverviewPage />} />
          <Route path="/dashboards/:id" element={<h1>The dashboard</h1>} />
        </Routes>
      </SessionProvider>
    </MemoryRouter>,
  );
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the signed-in home', () => {
  it('opens the default dashboard when the organisation has data', async () => {
    vi.spyOn(api, 'runs').mockResolvedValue({ items: [run], nextCursor: null });
    renderHome(['data:read']);
    expect(await screen.findByRole('heading', { name: 'The dashboard' })).toBeTruthy();
  });

  it('guides an organisation without data, and turns green when the first event arrives', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const runs = vi.spyOn(api, 'runs').mockResolvedValue({ items: [], nextCursor: null });
    renderHome(['data:read', 'apikeys:manage']);
    expect(await screen.findByRole('heading', { name: 'Welcome to Acme' })).toBeTruthy();
    expect(screen.getByText(/Waiting for the first event/)).toBeTruthy();

    fireEvent.click(screen.getByRole('radio', { name: 'Any CI (API)' }));
    expect(screen.getByRole('button', { name: 'Create a key for sending events' })).toBeTruthy();

    runs.mockResolvedValue({ items: [run], nextCursor: null });
    await act(async () => { await vi.advanceTimersByTimeAsync(FIRST_RUN_POLL_MS); });
    expect(await screen.findByText('First event received: acme/shop · ci on main.')).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'The dashboard' })).toBeNull();
  });

  it('tells a member without the key permission who can connect the CI', async () => {
    vi.spyOn(api, 'runs').mockResolvedValue({ items: [], nextCursor: null });
    renderHome(['data:read']);
    fireEvent.click(await screen.findByRole('radio', { name: 'GitLab CI' }));
    expect(screen.getByText(/needs an admin of this organisation/)).toBeTruthy();
  });
});
