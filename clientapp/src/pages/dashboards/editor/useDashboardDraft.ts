import { useState } from 'react';
import { api } from '../../../api/client';
import type { Dashboard, DashboardChanges } from '../../../api/schemas';

/** Edit mode: a copy of the dashboard changed locally, saved with one PUT or discarded. */
export function useDashboardDraft(dashboard: Dashboard, onSaved: () => void) {
  const [draft, setDraft] = useState<DashboardChanges | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const start = () => {
    setError(null);
    setDraft({ name: dashboard.name, description: dashboard.description, widgets: dashboard.widgets });
  };
  const cancel = () => {
    setError(null);
    setDraft(null);
  };
  const change = (update: (current: DashboardChanges) => DashboardChanges) => setDraft((current) => current && update(current));

  const save = async () => {
    if (!draft || saving) return;
    setSaving(true);
    setError(null);
    try {
      await api.updateDashboard(dashboard.id, draft);
      setDraft(null);
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return { draft, saving, error, start, cancel, change, save };
}
