import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api } from '../../api/client';
import { SessionProvider } from '../../session/SessionProvider';
import { LoginPage, safeNext } from './LoginPage';

afterEach(cleanup);

function renderAt(path: string) {
  vi.spyOn(api, 'session').mockResolvedValue({ signedIn: false, me: null });
  return render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/members" element={<p>members page</p>} />
        </Routes>
      </SessionProvider>
    </MemoryRouter>,
  );
}

function fillAndSubmit() {
  fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: 'ann@example.com' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'secret-secret' } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginPage', () => {
  it('shows the server’s message when the credentials are wrong', async () => {
    vi.spyOn(api, 'logIn').mockRejectedValue(new ApiError(401, { title: 'Unauthenticated', detail: 'The e-mail or password is incorrect.' }));
    renderAt('/login');
    fillAndSubmit();
    expect((await screen.findByRole('alert')).textContent).toBe('The e-mail or password is incorrect.');
  });

  it('goes where the user was heading once signed in', async () => {
    const logIn = vi.spyOn(api, 'logIn').mockResolvedValue(undefined);
    renderAt('/login?next=%2Fmembers');
    fillAndSubmit();
    expect(await screen.findByText('members page')).toBeTruthy();
    expect(logIn).toHaveBeenCalledWith('ann@example.com', 'secret-secret');
  });
});

describe('safeNext', () => {
  it('keeps same-site paths and drops everything else', () => {
    expect(safeNext('/api-keys')).toBe('/api-keys');
    expect(safeNext('//evil.example')).toBe('/');
    expect(safeNext('https://evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
