import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../api/client';
import type { ReportSchedule } from '../../api/schemas';
import { renderPages } from '../alerts/testing';
import { ReportsPage } from './ReportsPage';

afterEach(cleanup);

const routes = { '/reports': <ReportsPage /> };

function report(overrides: Partial<ReportSchedule> = {}): ReportSchedule {
  return {
    id: 'r1', name: 'Weekly CI', dashboardId: 'd1', range: 'past_week', rangeLabel: 'Last 7 days',
    filters: { repository: null, pipeline: null, job: null, branch: null, provider: null, category: null },
    recipients: ['lead@example.com'], slackChannelId: null,
    cadence: { frequency: 'weekly', time: '08:00', weekday: 'monday', dayOfMonth: null }, timeZone: 'Europe/Berlin', format: 'pdf',
    includeChanges: false, paper: 'a4', orientation: 'landscape',
    paused: false, nextRunAt: '2026-12-14T07:00:00Z', lastRun: null, createdAt: '2026-12-01T09:00:00Z', updatedAt: '2026-12-01T09:00:00Z',
    ...overrides,
  };
}

function stubLists(reports: ReportSchedule[]) {
  vi.spyOn(api, 'dashboards').mockResolvedValue([
    { id: 'd1', name: 'CI health', description: null, isDefault: true, widgetCount: 4, updatedAt: '2026-12-01T09:00:00Z' },
  ]);
  vi.spyOn(api, 'alertChannels').mockResolvedValue([]);
  return vi.spyOn(api, 'reports').mockResolvedValue(reports);
}

describe('ReportsPage', () => {
  it('creates a report, showing the next runs the server computes and the fields it refuses', async () => {
    stubLists([]);
    vi.spyOn(api, 'reportNextRuns').mockResolvedValue({ timeZone: 'Europe/Berlin', times: ['2026-12-14T07:00:00Z', '2026-12-21T07:00:00Z', '2026-12-28T07:00:00Z'] });
    const create = vi.spyOn(api, 'createReport')
      .mockRejectedValueOnce(new ApiError(400, { title: 'Invalid', status: 400, errors: { 'recipients[0]': ["'nobody' is not an e-mail address."] } }))
      .mockResolvedValueOnce(report());
    renderPages('/reports', routes, ['data:read', 'reports:manage']);

    fireEvent.click(await screen.findByRole('button', { name: 'New report' }));
    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'Weekly CI' } });
    fireEvent.change(screen.getByLabelText('E-mail recipients'), { target: { value: 'nobody' } });
    expect(within(await screen.findByRole('status', { name: 'Next runs' })).getAllByRole('listitem')).toHaveLength(3);

    fireEvent.click(screen.getByRole('button', { name: 'Create report' }));
    expect(await screen.findByText("'nobody' is not an e-mail address.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText('E-mail recipients'), { target: { value: 'lead@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create report' }));
    await waitFor(() => expect(create).toHaveBeenLastCalledWith(expect.objectContaining({
      name: 'Weekly CI', dashboardId: 'd1', recipients: ['lead@example.com'],
      cadence: { frequency: 'weekly', time: '08:00', weekday: 'monday', dayOfMonth: null },
    })));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'New report' })).toBeNull());
  });

  it('lets a member subscribe but not manage, and shows the last run', async () => {
    stubLists([report({ lastRun: {
      id: 'run1', scheduleId: 'r1', dueAt: null, trigger: 'manual', status: 'failed', startedAt: '2026-12-07T08:00:00Z', finishedAt: null,
      durationMs: 10, sizeBytes: 0, pages: 0, rangeFrom: null, rangeTo: null, recipients: [], errors: ['Every widget failed, so nothing was sent.'],
      hasPdf: false, hasCsv: false, slackStatus: null,
    } })]);
    const subscribe = vi.spyOn(api, 'subscribeToReport').mockResolvedValue(report({ recipients: ['lead@example.com', 'ann@example.com'] }));
    renderPages('/reports', routes, ['data:read']);

    const row = (await screen.findByText('Weekly CI')).closest('tr')!;
    expect(within(row).getByText('Failed')).toBeTruthy();
    expect(within(row).queryByRole('button', { name: 'Send now' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'New report' })).toBeNull();
    fireEvent.click(within(row).getByRole('button', { name: 'Subscribe' }));
    await waitFor(() => expect(subscribe).toHaveBeenCalledWith('r1', true));
  });
});
