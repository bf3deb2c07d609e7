import type { CacheStatus } from '../../api/client';
import { formatDateTime, formatTime } from '../../format';

const cacheLabels: Record<CacheStatus, { text: string; title: string }> = {
  hit: { text: 'cached', title: 'Every widget came from the cache' },
  partial: { text: 'partly cached', title: 'Some widgets came from the cache, the others were computed now' },
  miss: { text: 'fresh', title: 'Every widget was computed now' },
};

interface Props {
  from: string;
  to: string;
  loadedAt: Date;
  cache: CacheStatus | null;
}

/** The range actually queried, when it was loaded, and whether it came from the cache. */
export function DataStatus({ from, to, loadedAt, cache }: Props) {
  return (
    <p className="muted small data-status">
      {formatDateTime(from)} – {formatDateTime(to)} · loaded at {formatTime(loadedAt)}
      {cache && <span className="badge subtle" title={cacheLabels[cache].title}>{cacheLabels[cache].text}</span>}
    </p>
  );
}
