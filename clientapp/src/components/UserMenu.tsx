import { Link, useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import { useSession } from '../session/SessionProvider';
import { TenantSwitcher } from './TenantSwitcher';

export function UserMenu() {
  const { state, refresh } = useSession();
  const navigate = useNavigate();

  if (state.status === 'loading') return null;
  if (state.status === 'anonymous') {
    return (
      <div className="user-menu">
        <Link className="button secondary small" to="/login">Log in</Link>
        <Link className="button small" to="/signup">Sign up</Link>
      </div>
    );
  }

  const logOut = async () => {
    await api.logOut();
    await refresh();
    void navigate('/login');
  };

  return (
    <div className="user-menu">
      <TenantSwitcher me={state.me} />
      <span className="user-email" title={state.me.actor}>{state.me.actor}</span>
      <button type="button" className="button secondary small" title={`Log out ${state.me.actor}`} onClick={() => void logOut()}>Log out</button>
    </div>
  );
}
