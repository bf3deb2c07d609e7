import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { AuthCard } from '../../components/AuthCard';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';
import { useSession } from '../../session/SessionProvider';
import { usePageTitle } from '../../components/usePageTitle';

/** Only same-site paths, so a crafted link cannot send a fresh session elsewhere. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  usePageTitle('Log in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { refresh } = useSession();
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.logIn(email, password);
    await refresh();
    void navigate(safeNext(params.get('next')), { replace: true });
  });

  return (
    <AuthCard title="Log in to Faultline" footer={<>New here? <Link to="/signup">Create an account</Link></>}>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={error} />
        <FormField label="E-mail" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)}
          errors={fieldErrors(error, 'email')} required />
        <FormField label="Password" type="password" autoComplete="current-password" value={password}
          onChange={(e) => setPassword(e.target.value)} errors={fieldErrors(error, 'password')} required />
        <button className="button block" type="submit" disabled={busy}>{busy ? 'Logging in…' : 'Log in'}</button>
        <p className="form-aside"><Link to="/forgot-password">Forgot your password?</Link></p>
      </form>
    </AuthCard>
  );
}
