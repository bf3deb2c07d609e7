import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { AuthCard } from '../../components/AuthCard';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';
import { usePageTitle } from '../../components/usePageTitle';

export function ForgotPasswordPage() {
  usePageTitle('Forgot password');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.requestPasswordReset(email);
    setSent(true);
  });

  if (sent) {
    return (
      <AuthCard title="Check your e-mail" footer={<Link to="/login">Back to log in</Link>}>
        <p role="status">If {email} has a Faultline account, a link to choose a new password is on its way. It works once, for an hour.</p>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Reset your password" lead="We will e-mail you a link to choose a new one." footer={<Link to="/login">Back to log in</Link>}>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={error} />
        <FormField label="E-mail" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)}
          errors={fieldErrors(error, 'email')} required />
        <button className="button block" type="submit" disabled={busy}>{busy ? 'Sending…' : 'Send reset link'}</button>
      </form>
    </AuthCard>
  );
}
