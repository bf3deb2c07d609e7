import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../api/client';
import type { AlertHistoryItem } from '../../../api/schemas';
import { catalog, rule } from '../model/fixtures';
import { channel, renderPages } from '../testing';
import { AlertHistoryPage } from './AlertHistoryPage';

afterEach(cleanup);

const item = (overrides: Partial<AlertHistoryItem>): AlertHistoryItem => ({
  id: 1, at: '2026-11-22T10:00:00Z', kind: 'state', ruleId: 'r1', ruleName: 'Failure rate on main above 20%', group: null,
  fromState: null, toState: null, value: null, threshold: null, channelId: null, channelName: null, attempt: null, outcome: null, detail: null, actor: null,
  ...overrides,
});

beforeEach(() => {
  vi.spyOn(api, 'metricsCatalog').mockResolvedValue(catalog);
  vi.spyOn(api, 'alertRules').mockResolvedValue([rule()]);
  vi.spyOn(api, 'alertChannels').mockResolvedValue([channel()]);
});

describe('AlertHistoryPage', () => {
  it('lists state changes and deliveries with their outcome, and loads older entries', async () => {
    const history = vi.spyOn(api, 'alertHistory')
      .mockResolvedValueOnce({ items: [
        item({ id: 3, kind: 'delivery', toState: 'firing', channelId: 'c1', channelName: 'On-call', attempt: 2, outcome: 'gave_up', detail: 'HTTP 500' }),
        item({ id: 2, kind: 'state', fromState: 'pending', toState: 'firing', value: 0.31, threshold: 0.2 }),
      ], nextCursor: 'next' })
      .mockResolvedValueOnce({ items: [item({ id: 1, kind: 'mute', actor: 'ann@example.com', detail: 'for 60 min' })], nextCursor: null });
    renderPages('/alerts/history?ruleId=r1', { '/alerts/history': <AlertHistoryPage /> });

    const delivery = (await screen.findByText('Gave up')).closest('tr')!;
    expect(delivery.textContent).toContain('Notification (Firing) to On-call');
    expect(within(delivery).getByText('Gave up').className).toBe('status tone-bad');
    const change = within(screen.getByRole('table')).getByText('Pending').closest('tr')!;
    expect(within(change).getByText('Firing')).toBeTruthy();
    expect(change.textContent).toContain('31% (threshold 20%)');
    expect(history.mock.calls[0]?.slice(0, 2)).toEqual([{ ruleId: 'r1' }, null]);
    expect(screen.getByLabelText<HTMLSelectElement>('Rule').value).toBe('r1');

    fireEvent.click(screen.getByRole('button', { name: 'Load older entries' }));
    expect(await screen.findByText('Mute')).toBeTruthy();
    expect(history.mock.calls[1]?.[1]).toBe('next');
    expect(screen.queryByRole('button', { name: 'Load older entries' })).toBeNull();
  });

  it('puts a chosen filter in the address and asks again', async () => {
    const history = vi.spyOn(api, 'alertHistory').mockResolvedValue({ items: [], nextCursor: null });
    renderPages('/alerts/history', { '/alerts/history': <AlertHistoryPage /> });

    expect(await screen.findByText('Nothing recorded yet.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'delivery' } });
    await waitFor(() => expect(history).toHaveBeenLastCalledWith({ kind: 'delivery' }, null, expect.anything()));
    expect(screen.getByTestId('location').textContent).toBe('/alerts/history?kind=delivery');
    expect(await screen.findByText('Nothing recorded that matches.')).toBeTruthy();
  });
});
