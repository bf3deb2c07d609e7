import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import type { JobSummary } from '../../api/schemas';
import { RunsPage } from './RunsPage';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const job = (id: number, overrides: Partial<JobSummary>): JobSummary => ({
  id, runId: 1, provider: 'github', externalId: String(id), attempt: 1, repository: 'acme/api', pipeline: 'CI', branch: 'main', commitSha: null,
  name: `job-${id}`, runner: null, status: 'failure', queuedAt: null, startedAt: '2026-11-16T10:00:00Z', finishedAt: '2026-11-16T10:05:00Z',
  durationMs: 300_000, hasLog: true, sortedAt: '2026-11-16T10:00:00Z', category: null, confidence: null, ...overrides,
});

function renderAt(url: string) {
  render(<MemoryRouter initialEntries={[url]}><RunsPage /></MemoryRouter>);
}

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
    expect(screen.getByText(/^Started between /)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Any time' }));
    await waitFor(() => expect(jobs.mock.calls.at(-1)![0]).toEqual({ repository: 'acme/api', status: 'failure' }));
    expect(screen.queryByRole('button', { name: 'Any time' })).toBeNull();
  });

  it('shows each failed job’s category, the model’s confidence, and a dash for jobs that did not fail', async () => {
    vi.spyOn(api, 'jobs').mockResolvedValue({ items: [
      job(1, { category: 'test', confidence: 0.82 }), job(2, { category: 'lint', confidence: 1 }), job(3, { category: 'unclassified' }),
      job(4, { status: 'success' }), job(5, { category: 'uncertain', confidence: 0.41 }),
    ], nextCursor: null });
    renderAt('/runs?view=jobs');

    const cells = await waitFor(() => {
      const found = screen.getAllByRole('cell').filter((cell) => cell.getAttribute('data-label') === 'Category');
      expect(found).toHaveLength(5);
      return found;
    });
    expect(cells.map((cell) => cell.textContent)).toEqual(['Test82 %', 'Lint', 'Unclassified', '—', 'Uncertain']);
    expect(cells[0]!.querySelector('.category-badge.cat-test')).toBeTruthy();
    expect(cells[4]!.querySelector('.category-badge.cat-uncertain')).toBeTruthy();
  });

  it('filters jobs by category from the address and the menu, which the runs view does not show', async () => {
    const jobs = vi.spyOn(api, 'jobs').mockResolvedValue({ items: [], nextCursor: null });
    renderAt('/runs?view=jobs&category=test&finishedFrom=2026-11-16T00%3A00%3A00Z&finishedTo=2026-11-17T00%3A00%3A00Z');
    await waitFor(() => expect(jobs).toHaveBeenCalled());
    expect(jobs.mock.calls[0]![0]).toEqual({ category: 'test', finishedFrom: '2026-11-16T00:00:00Z', finishedTo: '2026-11-17T00:00:00Z' });
    expect(screen.getByText(/^Finished between /)).toBeTruthy();
    const menu = screen.getByRole('combobox', { name: 'Category' });
    expect((menu as HTMLSelectElement).value).toBe('test');

    const options = [...(menu as HTMLSelectElement).options].map((o) => o.text);
    expect(options.slice(-2)).toEqual(['Unclassified', 'Uncertain']);
    fireEvent.change(menu, { target: { value: 'unclassified' } });
    await waitFor(() => expect(jobs.mock.calls.at(-1)![0]).toMatchObject({ category: 'unclassified' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Category' }), { target: { value: 'uncertain' } });
    await waitFor(() => expect(jobs.mock.calls.at(-1)![0]).toMatchObject({ category: 'uncertain' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Category' }), { target: { value: '' } });
    await waitFor(() => expect(jobs.mock.calls.at(-1)![0]).not.toHaveProperty('category'));

    vi.spyOn(api, 'runs').mockResolvedValue({ items: [], nextCursor: null });
    fireEvent.click(screen.getByRole('tab', { name: 'Runs' }));
    await waitFor(() => expect(screen.queryByRole('combobox', { name: 'Category' })).toBeNull());
  });
});
