import { FormField } from '../../../components/FormField';
import type { SectionProps } from './section';

export function NameFields({ form, errorsAt, onChange }: SectionProps) {
  return (
    <section className="card form-section" aria-labelledby="rule-name-title">
      <h2 id="rule-name-title">Rule</h2>
      <FormField label="Name" value={form.name} placeholder="e.g. Failure rate on main above 20%" maxLength={200}
        onChange={(e) => onChange({ name: e.target.value })} errors={errorsAt('name')} />
      <FormField label="Description" value={form.description} hint="Optional: what to do when it fires." maxLength={500}
        onChange={(e) => onChange({ description: e.target.value })} errors={errorsAt('description')} />
      <label className="check">
        <input type="checkbox" checked={form.enabled} onChange={(e) => onChange({ enabled: e.target.checked })} />
        <span>Enabled <span className="muted">— evaluated every minute</span></span>
      </label>
    </section>
  );
}
