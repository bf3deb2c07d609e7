import type { Invitation } from '../../api/schemas';
import type { Resource } from '../../api/useResource';
import { formatDate } from '../../format';

export function InvitationsList({ resource, onRevoke }: { resource: Resource<Invitation[]>; onRevoke: (id: string) => void }) {
  if (!resource.data?.length) return null;
  return (
    <div className="card table-card">
      <h2>Pending invitations</h2>
      <table>
        <thead><tr><th>E-mail</th><th>Role</th><th>Invited by</th><th>Expires</th><th><span className="sr-only">Actions</span></th></tr></thead>
        <tbody>
          {resource.data.map((invitation) => (
            <tr key={invitation.id}>
              <td data-label="E-mail">{invitation.email}</td>
              <td data-label="Role">{invitation.role}</td>
              <td data-label="Invited by">{invitation.invitedBy}</td>
              <td data-label="Expires">{formatDate(invitation.expiresAt)}</td>
              <td className="actions"><button type="button" className="button secondary small" onClick={() => onRevoke(invitation.id)}>Revoke</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
