import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../api/client';
import { StatusPage } from './StatusPage';

function renderPage() {
  return render(
    <MemoryRouter>
      <StatusPage />
    </MemoryRouter>,
  );
}

afterEach(cleanup);

describe('StatusPage', () => {
  it('shows every dependency healthy when the backend is ready', async () => {
    vi.spyOn(api, 'readiness').mockResolvedValue({
      status: 'ready',
      inference: { provider: 'cpu' },
      checks: [
        { name: 'postgres', healthy: true, durationMs: 2.5, problem: null },
        { name: 'redis', healthy: true, durationMs: 0.8, problem: null },
      ],
    });
    renderPage();
    expect(await screen.findByText('All systems operational')).toBeTruthy();
    expect(screen.getByText('PostgreSQL')).toBeTruthy();
    expect(screen.getByText('Redis')).toBeTruthy();
    expect(screen.getAllByText('Healthy')).toHaveLength(2);
  });

  it('names the dependency that is down and why', async () => {
    vi.spyOn(api, 'readiness').mockResolvedValue({
      status: 'not_ready',
      inference: { provider: 'cpu' },
      checks: [
        { name: 'postgres', healthy: true, durationMs: 2.5, problem: null },
        { name: 'redis', healthy: false, durationMs: 500, problem: 'Connection refused' },
      ],
    });
    renderPage();
    expect(await screen.findByText(/Degraded/)).toBeTruthy();
    expect(screen.getByText('Down')).toBeTruthy();
    expect(screen.getByText('Connection refused')).toBeTruthy();
  });

  it('says when the backend cannot be reached at all', async () => {
    vi.spyOn(api, 'readiness').mockRejectedValue(new ApiError(0, { detail: 'The Faultline server could not be reached.' }));
    renderPage();
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByText(/could not be reached/)).toBeTruthy();
  });
});
