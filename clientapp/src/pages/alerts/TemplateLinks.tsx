import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { templateKey } from './model/draft';

/** The common alerts to start from, each opening the new-rule form prefilled. */
export function TemplateLinks() {
  const templates = useResource((signal) => api.alertTemplates(signal)).resource;
  return (
    <>
      <p className="muted">Start from a common alert and adjust it, or from a <Link to="/alerts/new">blank rule</Link>.</p>
      {templates.state === 'error' && <ProblemAlert error={templates.error} />}
      {!!templates.data?.length && (
        <ul className="template-list">
          {templates.data.map((template, index) => (
            <li key={templateKey(template, index)}>
              <Link className="strong-link" to={`/alerts/new?template=${encodeURIComponent(templateKey(template, index))}`}>{template.name}</Link>
              {template.description && <span className="muted small">{template.description}</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
