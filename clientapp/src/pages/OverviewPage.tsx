import { Link } from 'react-router-dom';
import { useSession } from '../session/SessionProvider';
import { usePageTitle } from '../components/usePageTitle';
import { DefaultDashboardRedirect } from './dashboards/DefaultDashboardRedirect';
import { GettingStarted } from './onboarding/GettingStarted';
import { useFirstRun } from './onboarding/useFirstRun';

const steps = [
  { title: 'Connect your CI', text: 'Send GitHub Actions, GitLab CI or Jenkins events to Faultline with a webhook or the public API.' },
  { title: 'Know why jobs fail', text: 'Every failed job is classified — compilation, test, dependency, infrastructure… — with the log lines that explain it.' },
  { title: 'Act on trends', text: 'Dashboards, threshold alerts and scheduled reports show where failures cost your team the most.' },
];

/** Signed out: what Faultline does. Signed in: the default dashboard, or the way to the first data when there is none. */
export function OverviewPage() {
  usePageTitle('Overview');
  const { state, can } = useSession();
  if (state.status === 'signed-in' && can('data:read')) return <SignedInHome name={state.me.tenant?.name ?? ''} />;
  return (
    <section className="page">
      <header className="page-header">
        <h1>CI/CD failure intelligence</h1>
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
        <a className="button secondary" href="/api/docs">Explore the API</a>
      </p>
    </section>
  );
}

function SignedInHome({ name }: { name: string }) {
  const first = useFirstRun(true);
  if (first.state === 'checking') return <p className="muted" role="status">Loading…</p>;
  if (first.state === 'arrived' && !first.afterWaiting) return <DefaultDashboardRedirect />;
  return (
    <section className="page">
      <header className="page-header">
        <h1>Welcome to {name}</h1>
        <p className="lead">Three steps to see why your pipelines fail: connect your CI, and the first event shows here within seconds.</p>
      </header>
      <GettingStarted first={first} />
    </section>
  );
}
