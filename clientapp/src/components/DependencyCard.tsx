import type { DependencyCheck } from '../api/schemas';

const labels: Record<string, string> = { postgres: 'PostgreSQL', redis: 'Redis' };

export function DependencyCard({ check }: { check: DependencyCheck }) {
  return (
    <li className={`card dependency ${check.healthy ? 'healthy' : 'unhealthy'}`} data-testid={`dependency-${check.name}`}>
      <div className="dependency-head">
        <span className="dot" aria-hidden="true" />
        <h2>{labels[check.name] ?? check.name}</h2>
        <span className="badge">{check.healthy ? 'Healthy' : 'Down'}</span>
      </div>
      <p className="muted">Answered in {check.durationMs.toFixed(1)} ms</p>
      {check.problem && <p className="problem">{check.problem}</p>}
    </li>
  );
}
