import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { AuthCard } from '../../components/AuthCard';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';
import { usePageTitle } from '../../components/usePageTitle';

export function ResetPasswordPage() {
  usePageTitle('Choose a new password');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.resetPassword(token, password);
    setDone(true);
  });

  if (done) {
    return (
      <AuthCard title="Password changed" footer={<Link to="/login">Log in</Link>}>
        <p role="status">Your new password is set, and every other session of your account has been signed out.</p>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password" footer={<Link to="/forgot-password">Ask for a new link</Link>}>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={error} />
        {fieldErrors(error, 'token')?.map((message) => <div key={message} className="banner error" role="alert">{message}</div>)}
        <FormField label="New password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)}
          errors={fieldErrors(error, 'newPassword')} required />
        <button className="button block" type="submit" disabled={busy || !token}>{busy ? 'Saving…' : 'Set password'}</button>
      </form>
    </AuthCard>
  );
}
