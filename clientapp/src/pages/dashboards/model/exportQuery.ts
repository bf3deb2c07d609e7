import type { DashboardExportQuery } from '../../../api/schemas';
import { dataQuery, type DashboardView } from './view';

// Where Letter paper is the norm; A4 elsewhere.
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE']);

/** "letter" for a locale of a Letter-paper country ("en-US"), else "a4". */
export function preferredPaper(locale: string): 'a4' | 'letter' {
  const region = locale.split(/[-_]/)[1]?.toUpperCase();
  return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4';
}

/** What is on screen, as an export asks for it: the same range and filters, in the viewer's time zone and paper. */
export function exportQuery(view: DashboardView, now: Date, timeZone: string, locale: string): DashboardExportQuery {
  return { ...dataQuery(view, now), tz: timeZone, paper: preferredPaper(locale) };
}
