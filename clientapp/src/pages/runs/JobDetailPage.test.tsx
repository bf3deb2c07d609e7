import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../api/client';
import type { JobClassification, JobDetail, KeyLine, Me, PipelineStatus } from '../../api/schemas';
import { SessionProvider } from '../../session/SessionProvider';
import { JobDetailPage } from './JobDetailPage';

const me = (permissions: string[]): Me => ({
  userId: 'u1', actor: 'ann@example.com', tenant: { id: 't1', key: 'acme', name: 'Acme', timeZone: 'UTC' }, role: 'member', permissions, tenants: [],
});

const detail = (status: PipelineStatus, withLog = true): JobDetail => ({
  job: {
    id: 42, runId: 7, provider: 'github', externalId: '9', attempt: 1, repository: 'acme/api', pipeline: 'CI', branch: 'main', commitSha: null,
    name: 'build', runner: 'ubuntu-latest', status, queuedAt: null, startedAt: null, finishedAt: null, durationMs: 61_000, hasLog: withLog,
    sortedAt: '2026-11-15T00:00:00Z', category: null, confidence: null,
  },
  log: withLog ? { originalBytes: 2000, storedBytes: 2000, truncated: false, receivedAt: '2026-11-15T00:00:00Z' } : null,
});

// 60 lines; line 40 is the compiler error, in the block of lines 36–41; line 12 is in the block 10–13.
const LOG = Array.from({ length: 60 }, (_, i) => (i === 39 ? 'error[E0425]: cannot find value `x` in this scope' : `step ${i + 1} ok`)).join('\n');
const BEST: KeyLine = { lineNumber: 40, text: 'error[E0425]: cannot find value `x` in this scope', score: 0.97, blockStart: 36, blockEnd: 41 };
const OTHER: KeyLine = { lineNumber: 12, text: 'step 12 ok', score: 0.5, blockStart: 10, blockEnd: 13 };

const classification = (overrides: Partial<JobClassification> = {}): JobClassification => ({
  jobId: 42, category: 'compilation', confidence: 0.92,
  probabilities: { compilation: 0.92, test: 0.05, lint: 0.01, dependency: 0.01, configuration: 0.005, infrastructure: 0.003, timeout: 0.001, other: 0.001 },
  keyLines: [BEST, OTHER], uncertain: false,
  modelVersion: 'fl-2026.11-lr', source: 'model', predictedCategory: null, classifiedAt: '2026-11-15T00:00:05Z',
  predictions: [{ modelVersion: 'fl-2026.11-lr', category: 'compilation', confidence: 0.92, served: true }],
  ...overrides,
});

const notYet = () => new ApiError(404, { title: 'Not Found', status: 404, detail: 'Job 42 has no classification.' });

function renderJob(job: JobDetail, permissions = ['data:read']) {
  vi.spyOn(api, 'session').mockResolvedValue({ signedIn: true, me: me(permissions) });
  vi.spyOn(api, 'job').mockResolvedValue(job);
  vi.spyOn(api, 'jobLog').mockResolvedValue(LOG);
  render(
    <MemoryRouter initialEntries={['/jobs/42']}>
      <SessionProvider>
        <Routes><Route path="/jobs/:jobId" element={<JobDetailPage />} /></Routes>
      </SessionProvider>
    </MemoryRouter>,
  );
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('JobDetailPage: why it failed', () => {
  it('shows the category, confidence, model, probabilities and the other model’s answer', async () => {
    vi.spyOn(api, 'jobClassification').mockResolvedValue(classification({
      predictions: [
        { modelVersion: 'fl-2026.11-lr', category: 'compilation', confidence: 0.92, served: true },
        { modelVersion: 'fl-2026.11-xgb', category: 'dependency', confidence: 0.61, served: false },
      ],
    }));
    renderJob(detail('failure'));
    const panel = await screen.findByRole('region', { name: 'Why it failed' });
    const badge = panel.querySelector('.prediction-headline .category-badge')!;
    expect(badge.textContent).toBe('Compilation');
    expect(badge.className).toContain('cat-compilation');
    expect(within(panel).getByText('92 % confident')).toBeTruthy();
    expect(within(panel).getByText('fl-2026.11-lr')).toBeTruthy();
    expect(within(panel).getByRole('img').getAttribute('aria-label')).toContain('Compilation 92 %');
    const other = panel.querySelector('.model-comparison')!;
    expect(other.textContent).toContain('fl-2026.11-xgb');
    expect(other.textContent).toContain('Dependency');
    expect(other.textContent).toContain('61 % confident · disagrees');
    expect(within(panel).queryByRole('form', { name: 'Correct category' })).toBeNull();
  });

  it('shows the best line first, big and whole, then the other lines', async () => {
    // Stored before key lines were ranked: in log order.
    vi.spyOn(api, 'jobClassification').mockResolvedValue(classification({ keyLines: [OTHER, BEST] }));
    renderJob(detail('failure'));
    const best = await screen.findByRole('region', { name: 'Key line' });
    expect(best.querySelector('.best-line-text')!.textContent).toBe(BEST.text);
    expect(best.querySelector('.best-line-where')!.textContent).toBe('Line 40 · block 36–41');
    expect(within(screen.getByRole('list', { name: 'Other lines' })).getAllByRole('button').map((b) => b.textContent)).toEqual(['12step 12 ok']);
  });

  it('highlights each key line’s block in the log, the best one’s more strongly', async () => {
    vi.spyOn(api, 'jobClassification').mockResolvedValue(classification());
    renderJob(detail('failure'));
    const log = await screen.findByRole('log');
    const classes = (n: number) => log.querySelector(`[data-line="${n}"]`)!.className.split(' ');
    for (const n of [36, 39, 40, 41]) expect(classes(n)).toContain('best-block');
    for (const n of [10, 12, 13]) expect(classes(n)).toContain('other-block');
    for (const n of [9, 14, 35, 42]) expect(classes(n)).not.toContain('block');
    expect(classes(40)).toContain('key');
    expect(classes(12)).toContain('key');
    expect(classes(39)).not.toContain('key');
    expect(log.querySelector('[data-line="40"] .sr-only')!.textContent).toBe('Key line ');
  });

  it('jumps to the start of a key line’s block and selects the line', async () => {
    vi.spyOn(api, 'jobClassification').mockResolvedValue(classification());
    renderJob(detail('failure'));
    const log = await screen.findByRole('log');
    // jsdom does not scroll.
    const scrollTo = vi.fn();
    log.scrollTo = scrollTo;
    const line = (n: number) => log.querySelector(`[data-line="${n}"]`)!;

    fireEvent.click(screen.getByRole('button', { name: 'Show in log' }));
    expect(line(40).className).toContain('jumped');
    // Line 36 two lines below the top of the 560 px viewport, 20 px a line; line 40 in sight.
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 35 * 20 - 40 });

    fireEvent.click(screen.getByRole('button', { name: /^Line 12:/ }));
    expect(line(12).className).toContain('jumped');
    expect(line(40).className).not.toContain('jumped');
    expect(scrollTo).toHaveBeenLastCalledWith({ top: 9 * 20 - 40 });
  });

  it('marks the key line alone, and is sure, with a server that sends no blocks nor uncertainty', async () => {
    const older: Partial<JobClassification> = classification({ keyLines: [{ lineNumber: 40, text: BEST.text, score: 0.97 } as KeyLine] });
    delete older.uncertain;
    vi.spyOn(api, 'jobClassification').mockResolvedValue(older as JobClassification);
    renderJob(detail('failure'));
    const log = await screen.findByRole('log');
    const classes = (n: number) => log.querySelector(`[data-line="${n}"]`)!.className.split(' ');
    expect(classes(40)).toEqual(expect.arrayContaining(['key', 'best-block']));
    expect(classes(39)).not.toContain('block');
    expect(screen.getByRole('region', { name: 'Key line' }).querySelector('.best-line-where')!.textContent).toBe('Line 40');
    expect(screen.getByText('92 % confident')).toBeTruthy();
  });

  it('asks "is it X or Y?" instead of naming a category the model is unsure of', async () => {
    vi.spyOn(api, 'jobClassification').mockResolvedValue(classification({
      category: 'test', confidence: 0.44, uncertain: true,
      probabilities: { compilation: 0.02, test: 0.44, lint: 0.38, dependency: 0.1, configuration: 0.03, infrastructure: 0.02, timeout: 0.005, other: 0.005 },
    }));
    renderJob(detail('failure'));
    const panel = await screen.findByRole('region', { name: 'Why it failed' });
    const headline = panel.querySelector('.prediction-headline')!;
    expect(headline.textContent).toContain('Uncertain — is it Test (44 %) or Lint (38 %)?');
    expect(headline.querySelector('.category-badge')!.className).toContain('cat-uncertain');
    expect(within(panel).queryByText(/confident/)).toBeNull();
  });

  it('says when a person corrected the category, and what the model had said', async () => {
    // A person's verdict, even on an answer the model was unsure of, is never uncertain.
    vi.spyOn(api, 'jobClassification').mockResolvedValue(classification({ category: 'configuration', source: 'feedback', predictedCategory: 'compilation', uncertain: true }));
    renderJob(detail('failure'));
    const note = await screen.findByText(/Corrected by a person/);
    expect(note.textContent).toBe('Corrected by a person — the model had said Compilation.');
    expect(screen.queryByText(/confident/)).toBeNull();
    expect(document.querySelector('.prediction-headline .category-badge')!.className).toContain('cat-configuration');
  });

  it('says when a person confirmed what the model had said', async () => {
    vi.spyOn(api, 'jobClassification').mockResolvedValue(classification({ source: 'feedback', predictedCategory: 'compilation' }));
    renderJob(detail('failure'));
    expect(await screen.findByText('Confirmed by a person.')).toBeTruthy();
  });

  it('shows "Classifying…" while the classifier has not got to the job, asking again every 2 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const load = vi.spyOn(api, 'jobClassification').mockRejectedValueOnce(notYet()).mockResolvedValue(classification());
    renderJob(detail('timed_out'));
    expect(await screen.findByText('Classifying…')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await screen.findByRole('region', { name: 'Why it failed' })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('Classifying…')).toBeNull();
  });

  it('stops asking after about 30 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const load = vi.spyOn(api, 'jobClassification').mockRejectedValue(notYet());
    renderJob(detail('failure'));
    expect(await screen.findByText('Classifying…')).toBeTruthy();
    await act(() => vi.advanceTimersByTimeAsync(32_000));
    expect(await screen.findByText(/has not been classified yet/)).toBeTruthy();
    expect(load.mock.calls.length).toBeLessThanOrEqual(16);
  });

  it('shows nothing for a job that passed, and does not ask', async () => {
    const load = vi.spyOn(api, 'jobClassification');
    renderJob(detail('success'));
    await screen.findByRole('log');
    expect(load).not.toHaveBeenCalled();
    expect(screen.queryByText(/Why it failed|Classifying/)).toBeNull();
  });

  it('shows nothing for a failed job without a log, which is never classified', async () => {
    vi.spyOn(api, 'jobClassification').mockRejectedValue(notYet());
    renderJob(detail('failure', false));
    await screen.findByText(/No log yet/);
    await act(() => Promise.resolve());
    expect(screen.queryByText(/Why it failed|Classifying|not been classified/)).toBeNull();
  });
});

describe('JobDetailPage: correcting the category', () => {
  it('posts the chosen category and reloads the panel', async () => {
    const load = vi.spyOn(api, 'jobClassification').mockResolvedValueOnce(classification())
      .mockResolvedValue(classification({ category: 'dependency', source: 'feedback', predictedCategory: 'compilation' }));
    const post = vi.spyOn(api, 'submitFeedback').mockResolvedValue({
      jobId: 42, category: 'dependency', predictedCategory: 'compilation', modelVersion: 'fl-2026.11-lr', actor: 'ann@example.com', createdAt: '2026-11-15T00:01:00Z',
    });
    renderJob(detail('failure'), ['data:read', 'data:predict']);
    const form = await screen.findByRole('form', { name: 'Correct category' });
    const select = within(form).getByLabelText<HTMLSelectElement>('Correct category');
    expect(select.value).toBe('compilation');
    expect([...select.options].map((o) => o.text)).toEqual(['Compilation', 'Test', 'Lint', 'Dependency', 'Configuration', 'Infrastructure', 'Timeout', 'Other']);
    fireEvent.change(select, { target: { value: 'dependency' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Corrected by a person/)).toBeTruthy();
    expect(post).toHaveBeenCalledWith(42, 'dependency');
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status').textContent).toContain('Saved: Dependency.');
  });

  it('shows the server’s field error beside the select', async () => {
    vi.spyOn(api, 'jobClassification').mockResolvedValue(classification());
    vi.spyOn(api, 'submitFeedback').mockRejectedValue(new ApiError(400, {
      title: 'One or more validation errors occurred.', status: 400, errors: { category: ['The category is one of compilation, test, lint.'] },
    }));
    renderJob(detail('failure'), ['data:read', 'data:predict']);
    const form = await screen.findByRole('form', { name: 'Correct category' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('The category is one of compilation, test, lint.')).toBeTruthy();
    expect(within(form).getByLabelText('Correct category').getAttribute('aria-invalid')).toBe('true');
    expect(within(form).queryByRole('alert')).toBeNull();
  });
});
