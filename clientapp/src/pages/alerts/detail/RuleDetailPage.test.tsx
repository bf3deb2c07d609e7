import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../../api/client';
import { catalog, rule } from '../model/fixtures';
import { channel, renderPages } from '../testing';
import { RuleDetailPage } from './RuleDetailPage';

afterEach(cleanup);

const routes = { '/alerts/rules/:id': <RuleDetailPage />, '/alerts': <p>rules list</p> };

beforeEach(() => {
  vi.spyOn(api, 'metricsCatalog').mockResolvedValue(catalog);
  vi.spyOn(api, 'alertChannels').mockResolvedValue([channel()]);
});

describe('RuleDetailPage', () => {
  it('shows the state per group with its values in the metric unit, and the definition in words', async () => {
    vi.spyOn(api, 'alertRule').mockResolvedValue(rule());
    renderPages('/alerts/rules/r1', routes);

    expect(await screen.findByRole('heading', { name: 'Failure rate on main above 20%' })).toBeTruthy();
    const row = screen.getAllByRole('row')[1]!;
    expect(within(row).getByText('Overall')).toBeTruthy();
    expect(within(row).getByText('Firing')).toBeTruthy();
    expect(within(row).getByText('31%')).toBeTruthy();
    expect(within(row).getByText('12% · 18% · 31%')).toBeTruthy();
    expect(screen.getByText('above 20%')).toBeTruthy();
    expect(screen.getByText('On-call')).toBeTruthy();
    expect(screen.getByRole('link', { name: /This rule's history/ }).getAttribute('href')).toBe('/alerts/history?ruleId=r1');
  });

  it('mutes, acknowledges and sends a test notification, reloading the rule after each', async () => {
    const load = vi.spyOn(api, 'alertRule').mockResolvedValue(rule());
    const mute = vi.spyOn(api, 'muteAlertRule').mockResolvedValue(undefined);
    const acknowledge = vi.spyOn(api, 'acknowledgeAlert').mockResolvedValue(undefined);
    vi.spyOn(api, 'testAlertRule').mockResolvedValue({ deliveries: [
      { channelId: 'c1', channelName: 'On-call', kind: 'email', ok: true, status: null, error: null, durationMs: 40 },
      { channelId: 'c2', channelName: '#ci-alerts', kind: 'slack', ok: false, status: 200, error: "Slack answered 'garbage' instead of 'ok'", durationMs: 12 },
    ] });
    renderPages('/alerts/rules/r1', routes);

    fireEvent.click(await screen.findByRole('button', { name: 'Mute 4 h' }));
    await waitFor(() => expect(mute).toHaveBeenCalledWith('r1', 240));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));

    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge' }));
    await waitFor(() => expect(acknowledge).toHaveBeenCalledWith('r1', null));

    fireEvent.click(screen.getByRole('button', { name: 'Send test notification' }));
    const results = await screen.findByRole('status', { name: 'Test results' });
    expect(within(results).getByText('Delivered')).toBeTruthy();
    expect(within(results).getByText('Failed')).toBeTruthy();
    expect(within(results).getByText("Slack answered 'garbage' instead of 'ok'")).toBeTruthy();
  });

  it('offers to unmute a muted rule', async () => {
    vi.spyOn(api, 'alertRule').mockResolvedValue(rule({ mutedUntil: new Date(Date.now() + 3_600_000).toISOString() }));
    const mute = vi.spyOn(api, 'muteAlertRule').mockResolvedValue(undefined);
    renderPages('/alerts/rules/r1', routes);

    expect((await screen.findAllByText(/^Muted until/)).length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Mute 1 h' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Unmute' }));
    await waitFor(() => expect(mute).toHaveBeenCalledWith('r1', 0));
  });

  it('deletes after asking, then goes back to the list', async () => {
    vi.spyOn(api, 'alertRule').mockResolvedValue(rule());
    const remove = vi.spyOn(api, 'deleteAlertRule').mockResolvedValue(undefined);
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    renderPages('/alerts/rules/r1', routes);

    fireEvent.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('rules list')).toBeTruthy();
    expect(remove).toHaveBeenCalledWith('r1');
  });

  it('shows a reader the states without the buttons that change them', async () => {
    vi.spyOn(api, 'alertRule').mockResolvedValue(rule());
    renderPages('/alerts/rules/r1', routes, ['data:read']);

    expect(await screen.findByRole('heading', { name: 'Failure rate on main above 20%' })).toBeTruthy();
    for (const name of ['Edit', 'Delete', 'Mute 1 h', 'Acknowledge', 'Send test notification']) expect(screen.queryByRole('button', { name })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
  });
});
