import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { WebhooksPage } from './WebhooksPage';
import { SessionProvider } from '../../session/SessionProvider';
import { MemoryRouter } from 'react-router-dom';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('WebhooksPage', () => {
  it('guides a first run, its failed job and its log through the events API of this instance', async () => {
    vi.spyOn(api, 'webhooks').mockResolvedValue([]);
    // Its settings tabs need the session and a router.
    vi.spyOn(api, 'session').mockResolvedValue({ signedIn: false, me: null });
    render(<MemoryRouter><SessionProvider><WebhooksPage /></SessionProvider></MemoryRouter>);

    expect(await screen.findByRole('heading', { name: 'Send your first events' })).toBeTruthy();
    const guide = screen.getByLabelText('First events').textContent ?? '';
    expect(guide).toContain(`export FAULTLINE_URL='${window.location.origin}'`);
    expect(guide).toContain('/api/v1/events');
    expect(guide).toContain('/api/v1/jobs/$JOB_ID/log');
  });
});
