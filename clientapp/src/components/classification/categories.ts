import type { FailureCategory } from '../../api/schemas';

/**
 * The failure categories in the models' class order, with their display names. Their colours are
 * the `--cat-<code>` CSS variables of styles.css (one per theme), used through the `cat-<code>`
 * classes in components and read by the chart palette for the dashboards.
 */
export const CATEGORIES: readonly FailureCategory[] = [
  'compilation', 'test', 'lint', 'dependency', 'configuration', 'infrastructure', 'timeout', 'other',
];

const LABELS: Record<string, string> = {
  compilation: 'Compilation',
  test: 'Test',
  lint: 'Lint',
  dependency: 'Dependency',
  configuration: 'Configuration',
  infrastructure: 'Infrastructure',
  timeout: 'Timeout',
  other: 'Other',
  unclassified: 'Unclassified',
  uncertain: 'Uncertain',
};

/**
 * Codes with a colour of their own: the taxonomy, the dashboards' "unclassified", and "uncertain"
 * (failed jobs whose classification is under the model's threshold), the last two neutral.
 */
export const COLOURED_CATEGORIES: readonly string[] = [...CATEGORIES, 'unclassified', 'uncertain'];

export function isCategory(value: string): value is FailureCategory {
  return (CATEGORIES as readonly string[]).includes(value);
}

export function categoryLabel(code: string): string {
  return LABELS[code] ?? (code ? code[0]!.toUpperCase() + code.slice(1) : code);
}

/** A category as charts name their groups: uncertain jobs are counted as unclassified, and said to be. */
export function categoryGroupLabel(code: string): string {
  return code === 'uncertain' ? 'Unclassified (uncertain)' : categoryLabel(code);
}

/** The class that sets `--cat` to the category's colour; unknown codes take "other"'s. */
export function categoryClass(code: string): string {
  return `cat-${COLOURED_CATEGORIES.includes(code) ? code : 'other'}`;
}

/** "92 %", "<1 %": probabilities and confidences as people read them. */
export function formatPercent(value: number): string {
  if (value > 0 && value < 0.005) return '<1 %';
  return `${Math.round(value * 100)} %`;
}
