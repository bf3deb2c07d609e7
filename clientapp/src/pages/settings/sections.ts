/** The organisation's settings pages, in the order of the settings tabs; each shown to who holds its permission. */
export const SETTINGS_SECTIONS = [
  { to: '/settings', label: 'Organisation', permission: 'settings:manage' },
  { to: '/integrations', label: 'Integrations', permission: 'apikeys:manage' },
  { to: '/members', label: 'Members', permission: 'members:manage' },
  { to: '/api-keys', label: 'API keys', permission: 'apikeys:manage' },
  { to: '/audit', label: 'Audit log', permission: 'audit:read' },
] as const;

export function settingsSectionsFor(can: (permission: string) => boolean) {
  return SETTINGS_SECTIONS.filter((section) => can(section.permission));
}
