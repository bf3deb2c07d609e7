import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { AuthCard } from '../../components/AuthCard';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';
import { useSession } from '../../session/SessionProvider';
import { usePageTitle } from '../../components/usePageTitle';

export function AcceptInvitationPage() {
  usePageTitle('Invitation');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { resource } = useResource((signal) => api.previewInvitation(token, signal));
  const { state, refresh } = useSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const invitation = resource.data;
  const signedInAsInvitee = state.status === 'signed-in' && invitation !== undefined && state.me.actor === invitation.email;
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.acceptInvitation(token, signedInAsInvitee ? undefined : password);
    await refresh();
    void navigate('/', { replace: true });
  });

  if (resource.state === 'loading') return <AuthCard title="Opening your invitation…"><p className="muted" role="status">One moment.</p></AuthCard>;
  if (!invitation) {
    return (
      <AuthCard title="This invitation cannot be used" footer={<Link to="/login">Log in</Link>}>
        <ProblemAlert error={resource.error} />
        {fieldErrors(resource.error, 'token')?.map((message) => <p key={message} className="banner error" role="alert">{message}</p>)}
      </AuthCard>
    );
  }

  return (
    <AuthCard title={`Join ${invitation.tenantName}`} lead={`You are invited as ${invitation.role}, with ${invitation.email}.`}>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={error} />
        {!signedInAsInvitee && (
          <FormField label={invitation.accountExists ? 'Your Faultline password' : 'Choose a password'} type="password"
            autoComplete={invitation.accountExists ? 'current-password' : 'new-password'} value={password}
            onChange={(e) => setPassword(e.target.value)} errors={fieldErrors(error, 'password')} required />
        )}
        <button className="button block" type="submit" disabled={busy}>{busy ? 'Joining…' : `Join ${invitation.tenantName}`}</button>
      </form>
    </AuthCard>
  );
}
