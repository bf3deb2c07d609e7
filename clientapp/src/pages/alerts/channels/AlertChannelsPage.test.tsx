import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../../api/client';
import { channel, renderPages } from '../testing';
import { AlertChannelsPage } from './AlertChannelsPage';

afterEach(cleanup);

const routes = { '/alerts/channels': <AlertChannelsPage /> };

describe('AlertChannelsPage', () => {
  it('adds an e-mail channel with its recipients', async () => {
    const list = vi.spyOn(api, 'alertChannels').mockResolvedValue([]);
    const create = vi.spyOn(api, 'createAlertChannel').mockResolvedValue({ ...channel(), signingSecret: null });
    renderPages('/alerts/channels', routes);

    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'On-call' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'email' } });
    fireEvent.change(screen.getByLabelText('Recipients'), { target: { value: 'oncall@example.com, lead@example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    await waitFor(() => expect(create).toHaveBeenCalledWith({ name: 'On-call', kind: 'email', recipients: ['oncall@example.com', 'lead@example.com'] }));
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows a webhook signing secret once, and a refused URL beside its field', async () => {
    vi.spyOn(api, 'alertChannels').mockResolvedValue([]);
    const create = vi.spyOn(api, 'createAlertChannel')
      .mockRejectedValueOnce(new ApiError(400, { title: 'Invalid', status: 400, errors: { url: ['The URL points at a private address.'] } }))
      .mockResolvedValueOnce({ ...channel({ id: 'c2', name: 'PagerBridge', kind: 'webhook', target: 'https://hooks.example.com/faultline' }), signingSecret: 'whsec_123' });
    renderPages('/alerts/channels', routes);

    fireEvent.change(await screen.findByLabelText('Name'), { target: { value: 'PagerBridge' } });
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'webhook' } });
    fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: 'http://10.0.0.1/hook' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    expect(await screen.findByText('The URL points at a private address.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Webhook URL'), { target: { value: 'https://hooks.example.com/faultline' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    expect((await screen.findByTestId('new-secret')).textContent).toBe('whsec_123');
    expect(create).toHaveBeenLastCalledWith({ name: 'PagerBridge', kind: 'webhook', url: 'https://hooks.example.com/faultline' });
    fireEvent.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByTestId('new-secret')).toBeNull();
  });

  it('shows each channel health and the outcome of a test', async () => {
    vi.spyOn(api, 'alertChannels').mockResolvedValue([
      channel(),
      channel({ id: 'c2', name: '#ci-alerts', kind: 'slack', target: 'https://hooks.slack.com/services/T0…/…',
        health: { lastAttemptAt: new Date().toISOString(), lastOk: false, lastError: 'HTTP 500', failedLast24h: 3, pending: 1 } }),
    ]);
    vi.spyOn(api, 'testAlertChannel').mockResolvedValue({ deliveries: [
      { channelId: 'c2', channelName: '#ci-alerts', kind: 'slack', ok: true, status: 200, error: null, durationMs: 85 },
    ] });
    renderPages('/alerts/channels', routes);

    const slack = (await screen.findByText('#ci-alerts')).closest('tr')!;
    expect(within(slack).getByText('Failing')).toBeTruthy();
    expect(within(slack).getByText('HTTP 500')).toBeTruthy();
    expect(within(slack).getByText('3 failed in 24 h')).toBeTruthy();
    expect(within(slack).getByText('1 pending')).toBeTruthy();
    expect(within(screen.getByText('On-call').closest('tr')!).getByText('No deliveries yet')).toBeTruthy();

    fireEvent.click(within(slack).getByRole('button', { name: 'Test' }));
    const results = await within(slack).findByRole('status', { name: 'Test results' });
    expect(within(results).getByText('Delivered')).toBeTruthy();
    expect(results.textContent).toContain('HTTP 200');
  });
});
