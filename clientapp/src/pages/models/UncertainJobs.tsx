import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useResource } from '../../api/useResource';
import { ProblemAlert } from '../../components/ProblemAlert';
import { formatAgo } from '../../format';

const SHOWN = 8;

/**
 * Active learning: the failed jobs the serving model was unsure about, newest first. Labelling one on
 * its job page (the correction form) makes it a training example for the next model.
 */
export function UncertainJobs() {
  const { resource } = useResource((signal) => api.jobs({ category: 'uncertain' }, null, signal));
  if (resource.state === 'loading') return null;
  if (resource.state === 'error') return <ProblemAlert error={resource.error} />;
  const jobs = resource.data.items.slice(0, SHOWN);
  return (
    <section className="card uncertain-jobs" aria-labelledby="uncertain-jobs">
      <h2 id="uncertain-jobs">Help the model: jobs it was unsure about</h2>
      {jobs.length === 0 ? (
        <p className="muted">No uncertain failures: every classified failure got a category the model is sure enough of.</p>
      ) : (
        <>
          <p className="muted small">Open a job, read its key lines and set its category: each answer becomes a training example.</p>
          <ul className="uncertain-job-list">
            {jobs.map((job) => (
              <li key={job.id}>
                <Link to={`/jobs/${job.id}`} className="strong-link">{job.name}</Link>
                <span className="muted small"> {job.repository} · {job.branch} · failed {formatAgo(job.finishedAt ?? job.sortedAt)}</span>
              </li>
            ))}
          </ul>
          {(resource.data.nextCursor || resource.data.items.length > SHOWN) && (
            <Link to="/runs?view=jobs&category=uncertain">All uncertain jobs</Link>
          )}
        </>
      )}
    </section>
  );
}
