import type { ConditionKind, Dimension, ErrorHandling, NoDataHandling } from '../../../api/schemas';
import { COLOURED_CATEGORIES, categoryLabel } from '../../../components/classification/categories';
import { SEVERITY_LABELS } from './states';

export interface Option {
  value: string;
  label: string;
}

/** The label of a value among options, or the value itself. */
export const labelOf = (options: readonly Option[], value: string) => options.find((option) => option.value === value)?.label ?? value;

const optionsOf = (labels: Record<string, string>): Option[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

export const KIND_OPTIONS = optionsOf({
  above: 'Is above', below: 'Is below', outside: 'Is outside a range', percent_change: 'Changes by (against the window before)',
} satisfies Record<ConditionKind, string>);

export const SEVERITY_OPTIONS = optionsOf(SEVERITY_LABELS);

/** Short enough for a narrow select: the field's label says when. */
export const NO_DATA_OPTIONS = optionsOf({
  no_data: '“No data”, notified', ok: 'OK', alerting: 'Breached', keep_last: 'No change',
} satisfies Record<NoDataHandling, string>);

export const ERROR_OPTIONS = optionsOf({
  error: '“Error”, notified', alerting: 'Breached', keep_last: 'No change',
} satisfies Record<ErrorHandling, string>);

export const DIMENSION_LABELS: Record<Dimension, string> = {
  repository: 'Repository', pipeline: 'Pipeline', job: 'Job', branch: 'Branch', provider: 'Provider', category: 'Failure category',
};

/** Filters with a fixed set of values are picked, the others typed. */
export const DIMENSION_CHOICES: Partial<Record<Dimension, Option[]>> = {
  provider: ['github', 'gitlab', 'jenkins', 'api'].map((value) => ({ value, label: value })),
  category: COLOURED_CATEGORIES.map((value) => ({ value, label: categoryLabel(value) })),
};
