import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { RunsPage } from './RunsPage';

afterEach(cleanup);

describe('RunsPage', () => {
  it('filters by the time span a dashboard drill-down put in the address, until cleared', async () => {
    const jobs = vi.spyOn(api, 'jobs').mockResolvedValue({ items: [], nextCursor: null });
    render(
      <MemoryRouter initialEntries={['/runs?view=jobs&repository=acme%2Fapi&status=failure&from=2026-11-16T00%3A00%3A00Z&to=2026-11-17T00%3A00%3A00Z']}>
        <RunsPage />
      </MemoryRouter>,
    );
    await waitFor(() => expect(jobs).toHaveBeenCalled());
    expect(jobs.mock.calls[0]![0]).toEqual({ repository: 'acme/api', status: 'failure', from: '2026-11-16T00:00:00Z', to: '2026-11-17T00:00:00Z' });
    expect(screen.getByText(/^Between /)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Any time' }));
    await waitFor(() => expect(jobs.mock.calls.at(-1)![0]).toEqual({ repository: 'acme/api', status: 'failure' }));
    expect(screen.queryByRole('button', { name: 'Any time' })).toBeNull();
  });
});
