import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { FormField } from '../../components/FormField';
import { ProblemAlert, fieldErrors } from '../../components/ProblemAlert';
import { useSubmit } from '../../components/useSubmit';

/** A new dashboard, blank or from a template, opened as soon as it exists. */
export function CreateDashboardForm() {
  const navigate = useNavigate();
  const templates = useResource((signal) => api.dashboardTemplates(signal));
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState('');
  const { busy, error, onSubmit } = useSubmit(async () => {
    const created = await api.createDashboard({ ...(name.trim() ? { name } : {}), ...(templateId ? { templateId } : {}) });
    void navigate(`/dashboards/${encodeURIComponent(created.id)}`);
  });
  const template = templates.resource.data?.find((t) => t.id === templateId);

  return (
    <form className="card inline-form" onSubmit={onSubmit} noValidate aria-label="Create a dashboard">
      <FormField label="Name" placeholder={template ? template.name : 'e.g. Release train health'} value={name} onChange={(e) => setName(e.target.value)}
        errors={fieldErrors(error, 'name')} />
      <div className="field">
        <label htmlFor="dashboard-template">Start from</label>
        <select id="dashboard-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          <option value="">A blank dashboard</option>
          {templates.resource.data?.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
        {template && <small className="muted">{template.description}</small>}
        {fieldErrors(error, 'templateId')?.map((message) => <small key={message} className="field-errors">{message}</small>)}
      </div>
      <button className="button" type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create dashboard'}</button>
      <div className="form-status">
        <ProblemAlert error={error} />
        {templates.resource.state === 'error' && <ProblemAlert error={templates.resource.error} />}
      </div>
    </form>
  );
}
