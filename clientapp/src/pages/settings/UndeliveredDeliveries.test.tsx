import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../api/client';
import type { DeadLetter } from '../../api/schemas';
import { UndeliveredDeliveries } from './UndeliveredDeliveries';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const letter = (overrides: Partial<DeadLetter> = {}): DeadLetter => ({
  id: 'd1', hookId: 'h1', hookName: 'acme org', provider: 'github', eventType: 'workflow_job', deliveryId: 'gh-1',
  reasons: ['job: externalId is required'], attempts: 1, receivedAt: new Date().toISOString(), lastAttemptAt: new Date().toISOString(), ...overrides,
});

const page = (...items: DeadLetter[]) => ({ items, nextCursor: null });

describe('UndeliveredDeliveries', () => {
  it('says so when every delivery was stored', async () => {
    vi.spyOn(api, 'deadLetters').mockResolvedValue(page());
    render(<UndeliveredDeliveries onStored={vi.fn()} />);

    expect(await screen.findByText('None: every delivery was stored.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('lists each delivery with its hook, event, reason and attempts', async () => {
    vi.spyOn(api, 'deadLetters').mockResolvedValue(page(letter(), letter({ id: 'd2', hookName: null, deliveryId: null, attempts: 3,
      reasons: ['The payload has no \'workflow_run\'.'], eventType: 'workflow_run' })));
    render(<UndeliveredDeliveries onStored={vi.fn()} />);

    const first = (await screen.findByText('gh-1')).closest('tr')!;
    expect(within(first).getByText('workflow_job')).toBeTruthy();
    expect(within(first).getByText('acme org')).toBeTruthy();
    expect(within(first).getByText('job: externalId is required')).toBeTruthy();
    expect(within(first).getByText('just now')).toBeTruthy();
    const second = screen.getByText('workflow_run').closest('tr')!;
    expect(within(second).getByText('deleted hook')).toBeTruthy();
    expect(within(second).getByText('3')).toBeTruthy();
  });

  it('replays a delivery: stored, it leaves the list and the page hears of it', async () => {
    const list = vi.spyOn(api, 'deadLetters').mockResolvedValueOnce(page(letter())).mockResolvedValueOnce(page());
    const replay = vi.spyOn(api, 'replayDeadLetter').mockResolvedValue({ outcome: 'processed', result: null });
    const onStored = vi.fn();
    render(<UndeliveredDeliveries onStored={onStored} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Replay' }));

    expect(await screen.findByText('Stored the workflow_job delivery gh-1.')).toBeTruthy();
    expect(replay).toHaveBeenCalledWith('d1');
    expect(onStored).toHaveBeenCalledOnce();
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
    expect(await screen.findByText('None: every delivery was stored.')).toBeTruthy();
  });

  it('shows why a replay was refused again, and the attempt it counted', async () => {
    vi.spyOn(api, 'deadLetters').mockResolvedValueOnce(page(letter())).mockResolvedValueOnce(page(letter({ attempts: 2 })));
    vi.spyOn(api, 'replayDeadLetter').mockRejectedValue(new ApiError(422, {
      title: 'The delivery could not be stored', status: 422, detail: 'Kept as dead letter d1: job: externalId is required',
    }));
    const onStored = vi.fn();
    render(<UndeliveredDeliveries onStored={onStored} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Replay' }));

    expect((await screen.findByRole('alert')).textContent).toContain('job: externalId is required');
    expect(await screen.findByText('2')).toBeTruthy();
    expect(onStored).not.toHaveBeenCalled();
  });

  it('discards a delivery only once confirmed', async () => {
    const list = vi.spyOn(api, 'deadLetters').mockResolvedValue(page(letter()));
    const discard = vi.spyOn(api, 'discardDeadLetter').mockResolvedValue(undefined);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    render(<UndeliveredDeliveries onStored={vi.fn()} />);

    fireEvent.click(await screen.findByRole('button', { name: 'Discard' }));
    expect(discard).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Discard' }));

    await waitFor(() => expect(discard).toHaveBeenCalledWith('d1'));
    expect(confirm).toHaveBeenLastCalledWith('Discard the workflow_job delivery gh-1? Its runs and jobs will never be stored.');
    await waitFor(() => expect(list).toHaveBeenCalledTimes(2));
  });

  it('shows the payload and headers the provider sent', async () => {
    vi.spyOn(api, 'deadLetters').mockResolvedValue(page(letter()));
    const detail = vi.spyOn(api, 'deadLetter').mockResolvedValue({
      deadLetter: letter(), contentType: 'application/x-www-form-urlencoded', headers: { 'X-GitHub-Delivery': 'gh-1' },
      payload: '{"action":"completed","workflow_job":{"name":"linters"}}',
    });
    render(<UndeliveredDeliveries onStored={vi.fn()} />);

    const toggle = await screen.findByRole('button', { name: 'Payload' });
    fireEvent.click(toggle);

    const payload = await screen.findByLabelText('Payload');
    expect(payload.textContent).toContain('  "action": "completed"');
    expect(detail).toHaveBeenCalledWith('d1', expect.any(AbortSignal));
    expect(screen.getByText('application/x-www-form-urlencoded')).toBeTruthy();
    expect(screen.getByText('X-GitHub-Delivery')).toBeTruthy();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    expect(screen.queryByLabelText('Payload')).toBeNull();
  });
});
