import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { AuthCard } from '../../components/AuthCard';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';
import { useSession } from '../../session/SessionProvider';
import { usePageTitle } from '../../components/usePageTitle';

export function SignUpPage() {
  usePageTitle('Sign up');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [tenantName, setTenantName] = useState('');
  const navigate = useNavigate();
  const { refresh } = useSession();
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.signUp(email, password, tenantName);
    await refresh();
    void navigate('/', { replace: true });
  });

  return (
    <AuthCard title="Create your Faultline account" lead="You will be the owner of a new organisation and can invite your team."
      footer={<>Already have an account? <Link to="/login">Log in</Link></>}>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={error} />
        <FormField label="Organisation name" autoComplete="organization" value={tenantName} onChange={(e) => setTenantName(e.target.value)}
          errors={fieldErrors(error, 'tenantName')} required />
        <FormField label="Work e-mail" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)}
          errors={fieldErrors(error, 'email')} required />
        <FormField label="Password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)}
          errors={fieldErrors(error, 'password')} hint="At least 10 characters mixing letters, digits or symbols — or a 16+ character passphrase."
          required />
        <button className="button block" type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create account'}</button>
      </form>
    </AuthCard>
  );
}
