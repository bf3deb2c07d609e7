import { categoryClass, categoryLabel } from './categories';

/** A category's name on its colour. */
export function CategoryBadge({ category }: { category: string }) {
  return (
    <span className={`category-badge ${categoryClass(category)}`}>
      <span className="category-dot" aria-hidden="true" />
      {categoryLabel(category)}
    </span>
  );
}
