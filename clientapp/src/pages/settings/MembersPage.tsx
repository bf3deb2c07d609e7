import { useState } from 'react';
import { api } from '../../api/client';
import type { Role } from '../../api/schemas';
import { useResource } from '../../api/useResource';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { RoleSelect } from '../../components/RoleSelect';
import { useRowAction } from '../../components/useRowAction';
import { useSubmit } from '../../components/useSubmit';
import { useSession } from '../../session/SessionProvider';
import { InvitationsList } from './InvitationsList';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate } from '../../format';
import { SettingsNav } from './SettingsNav';

export function MembersPage() {
  usePageTitle('Members');
  const { can, state } = useSession();
  const members = useResource((signal) => api.members(signal));
  const invitations = useResource((signal) => api.invitations(signal));
  const myId = state.status === 'signed-in' ? state.me.userId : null;
  const mayTouchOwners = can('owners:manage');

  const { error: actionError, run: act } = useRowAction(members.refresh);

  return (
    <section className="page">
      <SettingsNav />
      <header className="page-header">
        <h1>Members</h1>
        <p className="muted">Who can see and change your organisation's data, and with which role.</p>
      </header>
      <InviteForm onInvited={invitations.refresh} />
      <ProblemAlert error={actionError} />
      <div className="card table-card">
        {members.resource.state === 'loading' && <p className="muted" role="status">Loading members…</p>}
        {members.resource.state === 'error' && <ProblemAlert error={members.resource.error} />}
        {members.resource.data && (
          <table>
            <thead><tr><th>E-mail</th><th>Role</th><th>Joined</th><th><span className="sr-only">Actions</span></th></tr></thead>
            <tbody>
              {members.resource.data.map((member) => {
                const locked = member.role === 'owner' && !mayTouchOwners;
                return (
                  <tr key={member.userId}>
                    <td data-label="E-mail">{member.email}{member.userId === myId && <span className="badge subtle">you</span>}</td>
                    <td data-label="Role">
                      <RoleSelect label={`Role of ${member.email}`} value={member.role} disabled={locked}
                        exclude={mayTouchOwners ? [] : ['owner']} onChange={(role) => act(() => api.changeRole(member.userId, role))} />
                    </td>
                    <td data-label="Joined">{formatDate(member.joinedAt)}</td>
                    <td className="actions">
                      <button type="button" className="button danger small" disabled={locked}
                        onClick={() => act(() => api.removeMember(member.userId), `Remove ${member.email}?`)}>Remove</button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      <InvitationsList resource={invitations.resource} onRevoke={(id) => act(async () => { await api.revokeInvitation(id); invitations.refresh(); })} />
    </section>
  );
}

function InviteForm({ onInvited }: { onInvited: () => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { busy, error, onSubmit } = useSubmit(async () => {
    await api.invite(email, role);
    setSentTo(email);
    setEmail('');
    onInvited();
  });

  return (
    <form className="card inline-form" onSubmit={onSubmit} noValidate aria-label="Invite a member">
      <FormField label="Invite by e-mail" type="email" value={email} onChange={(e) => setEmail(e.target.value)} errors={fieldErrors(error, 'email')} />
      <div className="field">
        <label htmlFor="invite-role">Role</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          <option value="admin">Admin</option>
          <option value="member">Member</option>
          <option value="viewer">Viewer</option>
        </select>
      </div>
      <button className="button" type="submit" disabled={busy || !email}>{busy ? 'Sending…' : 'Send invitation'}</button>
      <div className="form-status">
        <ProblemAlert error={error} />
        {sentTo && !error && <p className="banner ok" role="status">Invitation sent to {sentTo}.</p>}
      </div>
    </form>
  );
}
