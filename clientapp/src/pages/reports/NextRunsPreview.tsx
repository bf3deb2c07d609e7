import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ReportCadence, ReportNextRuns } from '../../api/schemas';
import { formatScheduleTime } from '../../format';

/** The next three due times of the cadence being edited, as the server computes them (daylight-saving changes included). */
export function NextRunsPreview({ cadence, timeZone }: { cadence: ReportCadence; timeZone: string }) {
  const [preview, setPreview] = useState<ReportNextRuns | null>(null);
  const [invalid, setInvalid] = useState(false);
  const key = JSON.stringify([cadence, timeZone]);

  useEffect(() => {
    const controller = new AbortController();
    // A pause while typing, so a half-typed time or zone is not asked about.
    const timer = setTimeout(() => {
      api.reportNextRuns(cadence, timeZone.trim() || null, controller.signal)
        .then((answer) => {
          setPreview(answer);
          setInvalid(false);
        })
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          setInvalid(true);
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // The key stands for the cadence and zone, which are new objects on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (invalid) return <p className="muted small" role="status">Next runs appear once the time, day and time zone are valid.</p>;
  if (!preview) return null;
  return (
    <div className="small" role="status" aria-label="Next runs">
      <strong>Next runs ({preview.timeZone})</strong>
      <ul className="plain-list">
        {preview.times.map((time) => <li key={time}>{formatScheduleTime(time, preview.timeZone)}</li>)}
      </ul>
    </div>
  );
}
