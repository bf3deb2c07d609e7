import { useNavigate } from 'react-router-dom';
import { api } from '../api/client';
import type { Me } from '../api/schemas';
import { useSession } from '../session/SessionProvider';

/** Shown when the user belongs to more than one organisation. */
export function TenantSwitcher({ me }: { me: Me }) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  if (me.tenants.length < 2) return me.tenant ? <span className="tenant-name">{me.tenant.name}</span> : null;

  const switchTo = async (tenantId: string) => {
    await api.switchTenant(tenantId);
    await refresh();
    void navigate('/');
  };

  return (
    <select className="tenant-switcher" aria-label="Organisation" value={me.tenant?.id ?? ''} onChange={(e) => void switchTo(e.target.value)}>
      {me.tenants.map((tenant) => <option key={tenant.id} value={tenant.id}>{tenant.name}</option>)}
    </select>
  );
}
