import type { TenantModelList } from '../../api/schemas';

export interface LabelProgress {
  /** Labelled jobs with logs, all categories together. */
  labels: number;
  /** Categories with at least one labelled job. */
  categories: number;
  /** Enough labels in enough categories for a model that may be activated. */
  enough: boolean;
}

/** How far the organisation's labels are from what training needs. */
export function labelProgress(list: TenantModelList): LabelProgress {
  const counts = Object.values(list.labelled);
  const labels = counts.reduce((sum, n) => sum + n, 0);
  const categories = counts.filter((n) => n > 0).length;
  return { labels, categories, enough: labels >= list.minimumLabels && categories >= list.minimumClasses };
}
