import type { ConditionKind, MetricUnit } from '../../../api/schemas';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { hasRecovery } from '../model/draft';
import { FOR_MINUTES, WINDOW_MINUTES, minuteOptions } from '../model/durations';
import { KIND_OPTIONS } from '../model/options';
import { thresholdUnit } from '../model/units';
import type { SectionProps } from './section';

const withUnit = (label: string, unit: string) => (unit ? `${label} (${unit})` : label);

/** Thresholds are typed in people's units (percent, minutes, dollars); the draft converts them. */
export function ConditionFields({ form, errorsAt, onChange, unit }: SectionProps & { unit: MetricUnit }) {
  const { label } = thresholdUnit(unit, form.kind);
  const number = { type: 'number', inputMode: 'decimal', step: 'any' } as const;
  const firstLabel = form.kind === 'outside' ? 'Lower limit' : form.kind === 'percent_change' ? 'Change' : 'Threshold';

  return (
    <section className="card form-section" aria-labelledby="rule-condition-title">
      <h2 id="rule-condition-title">When to alert</h2>
      <div className="form-grid">
        <SelectField label="The value" value={form.kind} options={KIND_OPTIONS} errors={errorsAt('condition.kind')}
          onChange={(e) => onChange({ kind: e.target.value as ConditionKind })} />
        <FormField label={withUnit(firstLabel, label)} {...number} value={form.threshold} errors={errorsAt('condition.threshold')}
          onChange={(e) => onChange({ threshold: e.target.value })} />
        {form.kind === 'outside' && (
          <FormField label={withUnit('Upper limit', label)} {...number} value={form.upper} errors={errorsAt('condition.upper')}
            onChange={(e) => onChange({ upper: e.target.value })} />
        )}
        {hasRecovery(form.kind) && (
          <FormField label={withUnit('Recovers at', label)} {...number} value={form.recovery} errors={errorsAt('condition.recoveryThreshold')}
            hint="Optional: resolve only once back past this level." onChange={(e) => onChange({ recovery: e.target.value })} />
        )}
        <SelectField label="Over the last" value={String(form.windowMinutes)} options={minuteOptions(WINDOW_MINUTES, form.windowMinutes)}
          errors={errorsAt('windowMinutes')} onChange={(e) => onChange({ windowMinutes: Number(e.target.value) })} />
        <SelectField label="For at least" value={String(form.forMinutes)} options={minuteOptions(FOR_MINUTES, form.forMinutes, 'No wait: fire at once')}
          errors={errorsAt('forMinutes')} onChange={(e) => onChange({ forMinutes: Number(e.target.value) })} />
      </div>
      {form.kind === 'percent_change' && (
        <p className="muted small form-hint">Against the window before this one: a positive change fires on a rise of at least that much, a negative one on a drop.</p>
      )}
    </section>
  );
}
