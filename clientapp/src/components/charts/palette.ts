import type { Theme } from '../../theme/theme';
import { COLOURED_CATEGORIES } from '../classification/categories';

/** The colours a chart takes from the current theme's CSS variables. */
export interface ChartPalette {
  text: string;
  muted: string;
  border: string;
  surface: string;
  accent: string;
  series: string[];
  /** Failure category → its colour (the `--cat-*` variables), so category charts match the badges. */
  categories: Record<string, string>;
  /** The page's font, so ECharts measures labels with the font it draws them in. */
  fontFamily: string;
}

const SERIES_COUNT = 8;

// Used where the stylesheet is absent (unit tests); the stylesheet's values win in the app.
const FALLBACK: Record<Theme, Omit<ChartPalette, 'fontFamily' | 'categories'>> = {
  light: { text: '#161a2b', muted: '#5b6178', border: '#dfe2ec', surface: '#ffffff', accent: '#4f46e5', series: ['#4f46e5', '#0284c7', '#d97706', '#059669', '#dc2626', '#7c3aed', '#db2777', '#64748b'] },
  dark: { text: '#e7e9f3', muted: '#9aa0bb', border: '#2a3052', surface: '#161a2e', accent: '#818cf8', series: ['#818cf8', '#38bdf8', '#fbbf24', '#34d399', '#f87171', '#a78bfa', '#f472b6', '#94a3b8'] },
};

export function readPalette(root: HTMLElement = document.documentElement): ChartPalette {
  const theme: Theme = root.dataset.theme === 'dark' ? 'dark' : 'light';
  const fallback = FALLBACK[theme];
  const style = getComputedStyle(root);
  const read = (name: string, otherwise: string) => style.getPropertyValue(name).trim() || otherwise;
  return {
    text: read('--text', fallback.text),
    muted: read('--muted', fallback.muted),
    border: read('--border', fallback.border),
    surface: read('--surface', fallback.surface),
    accent: read('--accent', fallback.accent),
    series: Array.from({ length: SERIES_COUNT }, (_, i) => read(`--chart-${i + 1}`, fallback.series[i] ?? fallback.accent)),
    categories: Object.fromEntries(COLOURED_CATEGORIES.map((code, i) => [code, read(`--cat-${code}`, fallback.series[i] ?? fallback.muted)])),
    fontFamily: style.fontFamily || 'sans-serif',
  };
}
