import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../api/client';
import type { Webhook } from '../../api/schemas';
import { ProviderTokenCell } from './ProviderTokenCell';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function hook(overrides: Partial<Webhook> = {}): Webhook {
  return {
    id: 'h1', provider: 'github', name: 'acme org', url: 'https://faultline.example.com/api/v1/hooks/github/h1', createdAt: '2026-11-20T09:00:00Z',
    lastDeliveryAt: null, providerApi: { tokenSet: false, apiBaseUrl: null, lastFetchError: null, lastFetchErrorAt: null, lastFetchedAt: null },
    ...overrides,
  };
}

describe('ProviderTokenCell', () => {
  it('sets a token, which is sent once and never shown', async () => {
    const update = vi.spyOn(api, 'updateWebhook').mockResolvedValue(hook());
    const changed = vi.fn();
    render(<ProviderTokenCell hook={hook()} onChanged={changed} />);

    expect(screen.getByText('No token')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Set token' }));
    fireEvent.change(screen.getByLabelText('Provider token'), { target: { value: 'github_pat_123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save token' }));

    await waitFor(() => expect(changed).toHaveBeenCalled());
    expect(update).toHaveBeenCalledWith('h1', { token: 'github_pat_123', apiBaseUrl: '' });
    expect(screen.queryByLabelText('Provider token')).toBeNull();
    expect(screen.queryByDisplayValue('github_pat_123')).toBeNull();
  });

  it('shows the last download error and clears the token', async () => {
    const update = vi.spyOn(api, 'updateWebhook').mockResolvedValue(hook());
    const changed = vi.fn();
    const failing = hook({ providerApi: { tokenSet: true, apiBaseUrl: null, lastFetchError: 'GitHub answered 401: Bad credentials',
      lastFetchErrorAt: new Date().toISOString(), lastFetchedAt: null } });
    render(<ProviderTokenCell hook={failing} onChanged={changed} />);

    expect(screen.getByText('Token set')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('GitHub answered 401: Bad credentials');
    fireEvent.click(screen.getByRole('button', { name: 'Clear token' }));
    await waitFor(() => expect(update).toHaveBeenCalledWith('h1', { token: '' }));
    expect(changed).toHaveBeenCalled();
  });

  it('keeps the form open with the reason when the API address is refused', async () => {
    vi.spyOn(api, 'updateWebhook').mockRejectedValue(
      new ApiError(400, { title: 'Invalid', status: 400, errors: { apiBaseUrl: ["'10.0.0.5' is a private address."] } }));
    render(<ProviderTokenCell hook={hook({ provider: 'gitlab' })} onChanged={vi.fn()} />);

    fireEvent.click(screen.getByRole('button', { name: 'Set token' }));
    expect(screen.getByText('A project or group access token with the read_api scope.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Provider token'), { target: { value: 'glpat-1' } });
    fireEvent.change(screen.getByLabelText('API address (optional)'), { target: { value: 'http://10.0.0.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save token' }));
    expect(await screen.findByText("'10.0.0.5' is a private address.")).toBeTruthy();
    expect(screen.getByLabelText('Provider token')).toBeTruthy();
  });

  it('shows nothing to set for a Jenkins hook', () => {
    render(<ProviderTokenCell hook={hook({ provider: 'jenkins', providerApi: null })} onChanged={vi.fn()} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
