import { useState } from 'react';
import type { AlertTemplate } from '../../../api/client';
import { SelectField } from '../../../components/SelectField';
import { templateKey } from '../model/draft';

interface Props {
  templates: AlertTemplate[];
  initialKey: string;
  onPick: (template: AlertTemplate | null) => void;
}

/** Fills the form from a common alert; "blank" starts over. */
export function TemplatePicker({ templates, initialKey, onPick }: Props) {
  const [key, setKey] = useState(initialKey);
  const find = (wanted: string) => templates.find((t, i) => templateKey(t, i) === wanted);
  const chosen = find(key);
  const pick = (next: string) => {
    setKey(next);
    onPick(find(next) ?? null);
  };
  return (
    <section className="card form-section">
      <SelectField label="Start from" value={chosen ? key : ''} onChange={(e) => pick(e.target.value)}
        options={[{ value: '', label: 'A blank rule' }, ...templates.map((t, i) => ({ value: templateKey(t, i), label: t.name }))]} />
      {chosen?.description && <p className="muted small form-hint">{chosen.description}</p>}
    </section>
  );
}
