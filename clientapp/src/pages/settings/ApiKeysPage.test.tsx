import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { ApiKeysPage } from './ApiKeysPage';
import { SessionProvider } from '../../session/SessionProvider';
import { MemoryRouter } from 'react-router-dom';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('ApiKeysPage', () => {
  it('shows a ready-to-run curl with the new key and this instance as soon as the key exists', async () => {
    vi.spyOn(api, 'apiKeys').mockResolvedValue([]);
    const create = vi.spyOn(api, 'createApiKey').mockResolvedValue({
      id: 'k1', key: 'flt_new_secret', name: 'CI', prefix: 'flt_new', scopes: ['ingest'], createdAt: '2026-03-02T10:00:00Z',
    });
    // Its settings tabs need the session and a router.
    vi.spyOn(api, 'session').mockResolvedValue({ signedIn: false, me: null });
    render(<MemoryRouter><SessionProvider><ApiKeysPage /></SessionProvider></MemoryRouter>);

    fireEvent.change(screen.getByLabelText('Name'), { target: { value: 'CI' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create key' }));

    const example = await screen.findByLabelText('Example request');
    expect(create).toHaveBeenCalledWith('CI', ['ingest']);
    expect(example.textContent).toContain(`'${window.location.origin}/api/v1/events'`);
    expect(example.textContent).toContain("-H 'Authorization: Bearer flt_new_secret'");
  });
});
