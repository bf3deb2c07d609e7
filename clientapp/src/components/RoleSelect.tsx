import type { Role } from '../api/schemas';

const roles: Role[] = ['owner', 'admin', 'member', 'viewer'];

interface Props {
  value: Role;
  onChange: (role: Role) => void;
  label: string;
  exclude?: Role[];
  disabled?: boolean;
}

export function RoleSelect({ value, onChange, label, exclude = [], disabled = false }: Props) {
  return (
    <select aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as Role)}>
      {roles.filter((role) => !exclude.includes(role)).map((role) => (
        <option key={role} value={role}>{role[0]!.toUpperCase() + role.slice(1)}</option>
      ))}
    </select>
  );
}
