import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { SaveProblem } from '../../components/SaveProblem';
import { downloadBlob } from './download';
import { exportQuery } from './model/exportQuery';
import type { DashboardView } from './model/view';
import { displayTimeZone } from '../../format';

const FORMATS = [
  { format: 'pdf', label: 'PDF', hint: 'The dashboard as a printable report' },
  { format: 'csv', label: 'CSV (zip)', hint: 'Every widget’s data, one CSV file each' },
] as const;

/** Downloads the dashboard as the server renders it, for the range and filters on screen. */
export function ExportMenu({ dashboardId, view }: { dashboardId: string; view: DashboardView }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = async (format: 'pdf' | 'csv') => {
    if (menu.current) menu.current.open = false;
    setBusy(true);
    setError(null);
    try {
      const query = exportQuery(view, new Date(), displayTimeZone(), navigator.language);
      const file = await api.exportDashboard(dashboardId, format, query);
      downloadBlob(file.fileName, file.blob);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu">
      <details ref={menu}>
        <summary className="button secondary small" aria-busy={busy}>{busy ? 'Exporting…' : 'Export'}</summary>
        <ul className="card" aria-label="Export formats">
          {FORMATS.map(({ format, label, hint }) => (
            <li key={format}>
              <button type="button" title={hint} disabled={busy} onClick={() => void download(format)}>{label}</button>
            </li>
          ))}
        </ul>
      </details>
      <SaveProblem error={error} />
    </div>
  );
}
