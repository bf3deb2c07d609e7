import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../../api/client';
import { catalog, preview, rule, ruleDraft } from '../model/fixtures';
import { channel, renderPages } from '../testing';
import { RuleEditorPage } from './RuleEditorPage';

// jsdom has neither layout nor canvas for ECharts to draw with; the preview's option has its own tests.
vi.mock('../../../components/charts/EChart', () => ({
  EChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

afterEach(cleanup);

const slow = { timeout: 3000 };
const routes = { '/alerts/new': <RuleEditorPage />, '/alerts/rules/:id/edit': <RuleEditorPage />, '/alerts/rules/:id': <p>rule page</p> };

beforeEach(() => {
  vi.spyOn(api, 'metricsCatalog').mockResolvedValue(catalog);
  vi.spyOn(api, 'alertChannels').mockResolvedValue([channel()]);
  vi.spyOn(api, 'alertTemplates').mockResolvedValue([{ ...ruleDraft({ channelIds: [] }), id: 'failing-main' }]);
});

describe('RuleEditorPage', () => {
  it('starts from a template, previews it, and creates the rule in the API units', async () => {
    const previewed = vi.spyOn(api, 'previewAlertRule').mockResolvedValue(preview());
    const create = vi.spyOn(api, 'createAlertRule').mockResolvedValue(rule({ id: 'r9' }));
    renderPages('/alerts/new?template=failing-main', routes);

    expect((await screen.findByLabelText<HTMLInputElement>('Name')).value).toBe('Failure rate on main above 20%');
    expect(screen.getByLabelText<HTMLInputElement>('Threshold (%)').value).toBe('20');
    expect(screen.getByLabelText<HTMLInputElement>('Recovers at (%)').value).toBe('15');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Branch' }).value).toBe('main');

    const values = await screen.findByRole('list', { name: 'Current values' }, slow);
    expect(within(values).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['acme/api31%Would fire', 'acme/web5%OK']);
    expect(await screen.findByRole('img', { name: 'Failure rate over time, with the threshold' }, slow)).toBeTruthy();
    expect(previewed.mock.calls.at(-1)?.[0]).toMatchObject({ query: { metric: 'failure_rate', filters: { branch: 'main' } }, condition: { threshold: 0.2, recoveryThreshold: 0.15 } });

    fireEvent.click(screen.getByRole('checkbox', { name: /On-call/ }));
    fireEvent.change(screen.getByLabelText('Threshold (%)'), { target: { value: '25' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create rule' }));
    expect(await screen.findByText('rule page')).toBeTruthy();
    expect(screen.getByTestId('location').textContent).toBe('/alerts/rules/r9');
    expect(create).toHaveBeenCalledWith({ ...ruleDraft(), condition: { kind: 'above', threshold: 0.25, upper: null, recoveryThreshold: 0.15 } });
  });

  it('checks what the preview needs before asking, and says so beside the field', async () => {
    const previewed = vi.spyOn(api, 'previewAlertRule').mockResolvedValue(preview());
    const create = vi.spyOn(api, 'createAlertRule');
    renderPages('/alerts/new', routes);

    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Slow jobs' } });
    expect(screen.getByText('Choose a metric and a threshold to see how the rule would behave.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Create rule' }));
    expect(await screen.findByText('Enter a number.')).toBeTruthy();
    expect(create).not.toHaveBeenCalled();
    expect(previewed).not.toHaveBeenCalled();
  });

  it('shows the server validation errors beside their fields, and the others above the buttons', async () => {
    vi.spyOn(api, 'previewAlertRule').mockResolvedValue(preview());
    vi.spyOn(api, 'createAlertRule').mockRejectedValue(new ApiError(400, {
      title: 'One or more validation errors occurred.', status: 400,
      errors: { 'condition.threshold': ['A ratio threshold is between 0 and 1.'], windowMinutes: ['At most 30 days.'], 'query.top': ['At most 100 groups.'] },
    }));
    renderPages('/alerts/new?template=failing-main', routes);

    fireEvent.click(await screen.findByRole('button', { name: 'Create rule' }));
    const threshold = await screen.findByText('A ratio threshold is between 0 and 1.');
    expect(threshold.closest('.field')?.querySelector('input')?.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('At most 30 days.').closest('.field')?.querySelector('select')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('query.top: At most 100 groups.');
  });

  it('alerts per several dimensions ticked in the "One alert per" choices and shows the server\'s refusal there', async () => {
    vi.spyOn(api, 'previewAlertRule').mockResolvedValue(preview());
    vi.spyOn(api, 'alertRule').mockResolvedValue(rule({ query: { metric: 'failure_rate', groupBy: 'repository', alsoGroupBy: ['pipeline'], filters: null, top: null } }));
    const update = vi.spyOn(api, 'updateAlertRule').mockRejectedValue(new ApiError(400, {
      title: 'Invalid', status: 400, errors: { 'query.alsoGroupBy[1]': ['failure_rate can be grouped by repository, pipeline.'] },
    }));
    renderPages('/alerts/rules/r1/edit', routes);

    const choices = await screen.findByRole('group', { name: 'One alert per' });
    const ticked = () => within(choices).getAllByRole<HTMLInputElement>('checkbox').filter((box) => box.checked).map((box) => box.labels?.[0]?.textContent);
    expect(ticked()).toEqual(['Repository', 'Pipeline']);
    fireEvent.click(within(choices).getByRole('checkbox', { name: 'Job' }));
    expect(ticked()).toEqual(['Repository', 'Pipeline', 'Job']);
    fireEvent.click(within(choices).getByRole('checkbox', { name: 'Repository' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0]?.[1]).toMatchObject({ query: { metric: 'failure_rate', groupBy: 'pipeline', alsoGroupBy: ['job'] } });
    expect(await within(choices).findByText('failure_rate can be grouped by repository, pipeline.')).toBeTruthy();
  });

  it('edits a rule in minutes and saves it in milliseconds', async () => {
    vi.spyOn(api, 'previewAlertRule').mockResolvedValue(preview({ unit: 'ms', threshold: 1_800_000 }));
    vi.spyOn(api, 'alertRule').mockResolvedValue(rule({
      name: 'Slow builds', query: { metric: 'duration_p95', groupBy: 'job', filters: null, top: 20 },
      condition: { kind: 'above', threshold: 1_800_000, upper: null, recoveryThreshold: null },
    }));
    const update = vi.spyOn(api, 'updateAlertRule').mockResolvedValue(rule());
    renderPages('/alerts/rules/r1/edit', routes);

    expect(await screen.findByRole('heading', { name: 'Edit Slow builds' })).toBeTruthy();
    expect(screen.queryByLabelText('Start from')).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>('Threshold (minutes)').value).toBe('30');
    fireEvent.change(screen.getByLabelText('Threshold (minutes)'), { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0]?.[0]).toBe('r1');
    expect(update.mock.calls[0]?.[1]).toMatchObject({ query: { metric: 'duration_p95', groupBy: 'job', top: 20 }, condition: { threshold: 2_700_000 } });
    expect(await screen.findByText('rule page')).toBeTruthy();
  });
});
