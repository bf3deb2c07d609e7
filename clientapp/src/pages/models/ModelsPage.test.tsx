import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../api/client';
import type { JobSummary, Me } from '../../api/schemas';
import { SessionProvider } from '../../session/SessionProvider';
import { modelList } from './fixtures';
import { ModelsPage } from './ModelsPage';

const me = (permissions: string[]): Me => ({
  userId: 'u1', actor: 'ann@example.com', tenant: { id: 't1', key: 'acme', name: 'Acme', timeZone: 'UTC' }, role: 'admin', permissions, tenants: [],
});

// jsdom has neither layout nor canvas for ECharts to draw with; the heatmap's option has its own tests.
vi.mock('../../components/charts/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

function renderPage(permissions = ['data:read'], uncertain: JobSummary[] = []) {
  vi.spyOn(api, 'session').mockResolvedValue({ signedIn: true, me: me(permissions) });
  vi.spyOn(api, 'jobs').mockResolvedValue({ items: uncertain, nextCursor: null });
  const models = vi.spyOn(api, 'models').mockResolvedValue(modelList());
  vi.spyOn(api, 'tenantModels').mockResolvedValue({ items: [], labelled: {}, minimumLabels: 20, minimumClasses: 2, maxLabels: 1000 });
  render(
    <MemoryRouter>
      <SessionProvider><ModelsPage /></SessionProvider>
    </MemoryRouter>,
  );
  return { models };
}

afterEach(cleanup);

const uncertainJob: JobSummary = {
  id: 42, runId: 7, provider: 'github', externalId: '42', attempt: 1, repository: 'acme/shop', pipeline: 'ci', branch: 'main',
  commitSha: null, name: 'unit-tests', runner: null, status: 'failure', queuedAt: null, startedAt: null,
  finishedAt: '2026-12-07T10:00:00Z', durationMs: 1000, hasLog: true, sortedAt: '2026-12-07T09:59:00Z', category: 'uncertain', confidence: 0.4,
};

describe('UncertainJobs', () => {
  it('lists the jobs the model was unsure about, each linking to its page to be labelled', async () => {
    renderPage(['data:read'], [uncertainJob]);
    const section = await screen.findByRole('region', { name: /unsure about/ });
    expect(within(section).getByRole('link', { name: 'unit-tests' }).getAttribute('href')).toBe('/jobs/42');
    expect(api.jobs).toHaveBeenCalledWith({ category: 'uncertain' }, null, expect.anything());
  });

  it('says so when there is nothing to label', async () => {
    renderPage();
    expect(await screen.findByText(/No uncertain failures/)).toBeTruthy();
  });
});

describe('ModelsPage', () => {
  it('shows each model with its metrics beside the baselines, data, per-class figures and confusion matrix', async () => {
    renderPage();
    const card = await screen.findByRole('article', { name: 'fl-2026.11-lr' });
    expect(within(card).getByText('Active')).toBeTruthy();
    expect(within(card).getByText(/Logistic regression · created/)).toBeTruthy();

    const tiles = [...card.querySelectorAll('.metric-tile')].map((tile) => tile.textContent);
    expect(tiles).toEqual([
      'Macro-F10.292regex baseline 0.563',
      'Accuracy55.9 %regex baseline 64.2 %',
      'Best key line right53.8 %last error-word line 1.6 %',
      'Right line in the top 367.6 %last 3 error-word lines 10.3 %',
    ]);
    expect(card.querySelector('.metric-ref.worse')).toBeTruthy();
    expect(within(card).getByText(/real logs from/).textContent).toBe(
      'Trained on 497 real logs from 50 repositories, 480 synthetic logs (49.1 % of the training rows).');
    expect(within(card).getByText(/On this tenant/).textContent).toBe('On this tenant: agreed with 7 of 9 reviewed (120 jobs classified)');

    const table = within(card).getByRole('table', { name: 'Per-class metrics' });
    const test = within(table).getByRole('row', { name: /^Test/ });
    expect(within(test).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['61.7 %', '87.2 %', '0.722', '203']);
    expect(await within(card).findByRole('img', { name: /Confusion matrix: 278 of 497/ })).toBeTruthy();
    expect(within(card).getByRole('heading', { name: 'Intended use', level: 3 })).toBeTruthy();
    expect(within(card).getByText(/below the 0.85 design target/)).toBeTruthy();

    const challenger = screen.getByRole('article', { name: 'fl-2026.11-xgb' });
    expect(within(challenger).getByText('Challenger')).toBeTruthy();
    expect(within(challenger).queryByText(/On this tenant/)).toBeNull();
  });

  it('says where the models run', async () => {
    renderPage();
    expect((await screen.findByTestId('execution-provider')).textContent).toBe('Models run on the CPU.');
  });

  it('renders the full card as elements, never as HTML', async () => {
    renderPage();
    const card = await screen.findByRole('article', { name: 'fl-2026.11-lr' });
    const full = card.querySelector('details.full-card')!;
    expect(within(full as HTMLElement).getByText('Full model card')).toBeTruthy();
    expect(within(full as HTMLElement).getByRole('heading', { name: 'Model card: fl-2026.11-lr' }).tagName).toBe('H3');
    expect(within(full as HTMLElement).getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(full.querySelector('script')).toBeNull();
  });

  it('offers the assignment and the log box only to those allowed', async () => {
    renderPage(['data:read']);
    await screen.findByRole('article', { name: 'fl-2026.11-lr' });
    expect(screen.queryByRole('form', { name: 'Model assignment' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Try a log' })).toBeNull();
  });
});

describe('ModelsPage: assignment', () => {
  it('starts from the current assignment and refuses a share outside 0–100 %', async () => {
    const assign = vi.spyOn(api, 'assignModels');
    renderPage(['data:read', 'models:manage']);
    const form = await screen.findByRole('form', { name: 'Model assignment' });
    expect(within(form).getByLabelText<HTMLSelectElement>('Active model').value).toBe('fl-2026.11-lr');
    expect(within(form).getByLabelText<HTMLSelectElement>('Challenger').value).toBe('fl-2026.11-xgb');
    const share = within(form).getByLabelText<HTMLInputElement>('Challenger share (%)');
    expect(share.value).toBe('10');

    for (const value of ['150', '-5', '']) {
      fireEvent.change(share, { target: { value } });
      fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
      expect(await within(form).findByText('The challenger’s share is a number from 0 to 100 %.')).toBeTruthy();
      expect(share.getAttribute('aria-invalid')).toBe('true');
    }
    expect(assign).not.toHaveBeenCalled();
  });

  it('sends the models and the share as a fraction, and says how many jobs are re-classified', async () => {
    const assign = vi.spyOn(api, 'assignModels').mockResolvedValue({
      assignment: { active: 'fl-2026.11-lr', challenger: 'fl-2026.11-xgb', challengerShare: 0.25 }, requeued: 1234,
    });
    const { models } = renderPage(['data:read', 'models:manage']);
    const form = await screen.findByRole('form', { name: 'Model assignment' });
    fireEvent.change(within(form).getByLabelText('Challenger share slider'), { target: { value: '25' } });
    expect(within(form).getByLabelText<HTMLInputElement>('Challenger share (%)').value).toBe('25');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));

    expect((await within(form).findByRole('status')).textContent).toBe(`Saved. ${(1234).toLocaleString()} jobs queued for re-classification.`);
    expect(assign).toHaveBeenCalledWith({ active: 'fl-2026.11-lr', challenger: 'fl-2026.11-xgb', challengerShare: 0.25 });
    expect(models).toHaveBeenCalledTimes(2);
  });

  it('sends no challenger and a zero share when the challenger is removed, and drops a challenger made active', async () => {
    const assign = vi.spyOn(api, 'assignModels').mockResolvedValue({
      assignment: { active: 'fl-2026.11-xgb', challenger: null, challengerShare: 0 }, requeued: 0,
    });
    renderPage(['data:read', 'models:manage']);
    const form = await screen.findByRole('form', { name: 'Model assignment' });
    fireEvent.change(within(form).getByLabelText('Active model'), { target: { value: 'fl-2026.11-xgb' } });
    const challenger = within(form).getByLabelText<HTMLSelectElement>('Challenger');
    expect(challenger.value).toBe('');
    expect([...challenger.options].map((o) => o.value)).toEqual(['', 'fl-2026.11-lr']);
    expect(within(form).getByLabelText<HTMLInputElement>('Challenger share (%)').disabled).toBe(true);
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await within(form).findByRole('status');
    expect(assign).toHaveBeenCalledWith({ active: 'fl-2026.11-xgb', challenger: null, challengerShare: 0 });
  });

  it('shows the server’s field errors', async () => {
    vi.spyOn(api, 'assignModels').mockRejectedValue(new ApiError(400, {
      title: 'One or more validation errors occurred.', status: 400, errors: { challenger: ['No model fl-old is deployed.'] },
    }));
    renderPage(['data:read', 'models:manage']);
    const form = await screen.findByRole('form', { name: 'Model assignment' });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('No model fl-old is deployed.')).toBeTruthy();
  });
});

describe('ModelsPage: try a log', () => {
  it('classifies a pasted log and shows the prediction with its key lines', async () => {
    const predict = vi.spyOn(api, 'predict').mockResolvedValue({
      category: 'dependency', confidence: 0.81, modelVersion: 'fl-2026.11-lr',
      probabilities: { compilation: 0.05, test: 0.04, lint: 0.02, dependency: 0.81, configuration: 0.05, infrastructure: 0.02, timeout: 0, other: 0.01 },
      keyLines: [{ lineNumber: 3, text: 'npm ERR! code ERESOLVE', score: 0.9, blockStart: 3, blockEnd: 5 }], uncertain: false,
    });
    renderPage(['data:read', 'data:predict']);
    const form = await screen.findByRole('form', { name: 'Try a log' });
    const classify = within(form).getByRole<HTMLButtonElement>('button', { name: 'Classify' });
    expect(classify.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText('Paste a failed job’s log'), { target: { value: 'npm install\n...\nnpm ERR! code ERESOLVE' } });
    fireEvent.click(classify);

    const result = await within(form).findByRole('region', { name: 'Prediction' });
    expect(predict).toHaveBeenCalledWith('npm install\n...\nnpm ERR! code ERESOLVE');
    expect(result.querySelector('.prediction-headline')!.textContent).toContain('Dependency81 % confident');
    expect(within(within(result).getByRole('region', { name: 'Key line' })).getByText('npm ERR! code ERESOLVE')).toBeTruthy();
    expect(within(result).queryByRole('button', { name: 'Show in log' })).toBeNull();
  });

  it('shows the best line first and asks which it is when the model is unsure', async () => {
    vi.spyOn(api, 'predict').mockResolvedValue({
      category: 'test', confidence: 0.46, modelVersion: 'fl-2026.11-lr', uncertain: true,
      probabilities: { compilation: 0.02, test: 0.46, lint: 0.41, dependency: 0.05, configuration: 0.02, infrastructure: 0.02, timeout: 0.01, other: 0.01 },
      keyLines: [
        { lineNumber: 88, text: 'FAIL src/cart.test.ts › removes the last item', score: 0.8, blockStart: 85, blockEnd: 96 },
        { lineNumber: 120, text: '✖ 3 problems (3 errors, 0 warnings)', score: 0.5, blockStart: 118, blockEnd: 121 },
      ],
    });
    renderPage(['data:read', 'data:predict']);
    const form = await screen.findByRole('form', { name: 'Try a log' });
    fireEvent.change(within(form).getByLabelText('Paste a failed job’s log'), { target: { value: 'npm test' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Classify' }));

    const result = await within(form).findByRole('region', { name: 'Prediction' });
    expect(result.querySelector('.prediction-headline')!.textContent).toContain('Uncertain — is it Test (46 %) or Lint (41 %)?');
    expect(within(result).getByRole('region', { name: 'Key line' }).textContent).toContain('Line 88 · block 85–96');
    expect(within(result).getByRole('list', { name: 'Other lines' }).textContent).toBe('120✖ 3 problems (3 errors, 0 warnings)');
  });
});
