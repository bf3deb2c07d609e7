import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CopyOnceDialog } from './CopyOnceDialog';

afterEach(cleanup);

describe('CopyOnceDialog', () => {
  it('shows the secret, copies it, and closes when the user has stored it', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const onClose = vi.fn();
    render(<CopyOnceDialog title="Your new key" secret="flt_secret" onClose={onClose} />);

    expect(screen.getByTestId('new-secret').textContent).toBe('flt_secret');
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(await screen.findByRole('button', { name: 'Copied' })).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith('flt_secret');
    fireEvent.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(onClose).toHaveBeenCalled();
  });
});
