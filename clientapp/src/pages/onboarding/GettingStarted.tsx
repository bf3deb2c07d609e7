import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ProblemAlert } from '../../components/ProblemAlert';
import { DefaultDashboardLink } from '../dashboards/DefaultDashboardLink';
import { ConnectProvider, SOURCES, type Source } from './ConnectProvider';
import type { FirstRun } from './useFirstRun';

/** An organisation without data: pick where runs come from, connect it, and watch the first event arrive. */
export function GettingStarted({ first }: { first: FirstRun }) {
  const [source, setSource] = useState<Source | null>(null);

  return (
    <ol className="onboarding" aria-label="Getting started">
      <li className="card">
        <h2><span className="step-number" aria-hidden="true">1</span> Where do your pipelines run?</h2>
        <div className="segmented wrap" role="radiogroup" aria-label="Provider">
          {SOURCES.map((s) => (
            <button key={s.value} type="button" role="radio" aria-checked={source === s.value} className={source === s.value ? 'active' : ''}
              onClick={() => setSource(s.value)}>{s.label}</button>
          ))}
        </div>
      </li>
      <li className={source ? 'card' : 'card pending'}>
        <h2><span className="step-number" aria-hidden="true">2</span> Connect it</h2>
        {source ? <ConnectProvider key={source} source={source} /> : <p className="muted">Choose a provider first.</p>}
      </li>
      <li className={first.state === 'arrived' ? 'card done' : 'card'} aria-live="polite">
        <h2><span className="step-number" aria-hidden="true">3</span> First event</h2>
        {first.state === 'arrived' ? (
          <>
            <p className="banner ok" role="status">
              First event received: {first.run.repository} · {first.run.pipeline} on {first.run.branch}.
            </p>
            <p className="links"><DefaultDashboardLink /><Link className="button secondary" to="/runs">See it under Runs</Link></p>
          </>
        ) : first.state === 'error' ? (
          <ProblemAlert error={first.error} />
        ) : (
          <p className="waiting" role="status"><span className="spinner" aria-hidden="true" /> Waiting for the first event… it shows here within seconds of arriving.</p>
        )}
      </li>
    </ol>
  );
}
