import { useState } from 'react';
import { ProblemAlert, fieldErrors } from '../../../components/ProblemAlert';
import { SelectField } from '../../../components/SelectField';
import { useSubmit } from '../../../components/useSubmit';
import { api } from '../../../api/client';
import { CATEGORIES, categoryLabel } from '../../../components/classification/categories';

const OPTIONS = CATEGORIES.map((code) => ({ value: code, label: categoryLabel(code) }));

interface Props {
  jobId: number;
  current: string;
  onSaved: () => void;
}

/** A person's verdict on the category: it becomes the job's category and joins the next training set. */
export function CorrectCategoryForm({ jobId, current, onSaved }: Props) {
  const [category, setCategory] = useState(current);
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, onSubmit } = useSubmit(async () => {
    setSaved(null);
    const feedback = await api.submitFeedback(jobId, category);
    setSaved(feedback.category);
    onSaved();
  });

  return (
    <form className="inline-form correct-category" onSubmit={onSubmit} noValidate aria-label="Correct category">
      <SelectField label="Correct category" value={category} options={OPTIONS} errors={fieldErrors(error, 'category')}
        onChange={(e) => { setCategory(e.target.value); setSaved(null); }} />
      <button className="button secondary" type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save'}</button>
      <div className="form-status" aria-live="polite">
        <ProblemAlert error={error} />
        {saved && !error && <p className="banner ok" role="status">Saved: {categoryLabel(saved)}. Thank you — it joins the next training set.</p>}
      </div>
    </form>
  );
}
