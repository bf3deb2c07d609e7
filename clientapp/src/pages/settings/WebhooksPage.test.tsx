import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import { WebhooksPage } from './WebhooksPage';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('WebhooksPage', () => {
  it('guides a first run, its failed job and its log through the events API of this instance', async () => {
    vi.spyOn(api, 'webhooks').mockResolvedValue([]);
    render(<WebhooksPage />);

    expect(await screen.findByRole('heading', { name: 'Send your first events' })).toBeTruthy();
    const guide = screen.getByLabelText('First events').textContent ?? '';
    expect(guide).toContain(`export FAULTLINE_URL='${window.location.origin}'`);
    expect(guide).toContain('/api/v1/events');
    expect(guide).toContain('/api/v1/jobs/$JOB_ID/log');
  });
});
