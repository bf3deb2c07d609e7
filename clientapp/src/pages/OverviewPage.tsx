import { Link } from 'react-router-dom';
import { useSession } from '../session/SessionProvider';
import { DefaultDashboardLink } from './dashboards/DefaultDashboardLink';
import { usePageTitle } from '../components/usePageTitle';

const steps = [
  { title: 'Connect your CI', text: 'Send GitHub Actions, GitLab CI or Jenkins events to Faultline with a webhook or the public API.' },
  { title: 'Know why jobs fail', text: 'Every failed job is classified — compilation, test, dependency, infrastructure… — with the log lines that explain it.' },
  { title: 'Act on trends', text: 'Dashboards, threshold alerts and scheduled reports show where failures cost your team the most.' },
];

export function OverviewPage() {
  usePageTitle('Overview');
  const { state, can } = useSession();
  const readsData = can('data:read');
  const tenant = state.status === 'signed-in' ? state.me.tenant : null;
  return (
    <section className="page">
      <header className="page-header">
        <h1>{tenant ? `Welcome to ${tenant.name}` : 'CI/CD failure intelligence'}</h1>
        <p className="lead">Faultline tells your team why pipelines fail, how often, and what it costs.</p>
      </header>
      <ol className="steps">
        {steps.map((step, index) => (
          <li key={step.title} className="card">
            <span className="step-number" aria-hidden="true">{index + 1}</span>
            <h2>{step.title}</h2>
            <p>{step.text}</p>
          </li>
        ))}
      </ol>
      <p className="links">
        {state.status === 'anonymous' && <Link className="button" to="/signup">Create your organisation</Link>}
        {readsData && <DefaultDashboardLink />}
        <a className={state.status === 'anonymous' || readsData ? 'button secondary' : 'button'} href="/api/docs">Explore the API</a>
        <Link className="button secondary" to="/status">Check system status</Link>
      </p>
    </section>
  );
}
