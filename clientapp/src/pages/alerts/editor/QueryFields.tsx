import type { Dimension, MetricDefinition } from '../../../api/schemas';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { withMetric } from '../model/draft';
import { DIMENSION_CHOICES, DIMENSION_LABELS } from '../model/options';
import type { SectionProps } from './section';

/** The metric, per what it is grouped, and the filters it allows. */
export function QueryFields({ form, errorsAt, onChange, metrics }: SectionProps & { metrics: MetricDefinition[] }) {
  const metric = metrics.find((m) => m.code === form.metric);
  const pick = (code: string) => {
    const next = metrics.find((m) => m.code === code);
    if (next) onChange(withMetric(form, next));
  };
  const setFilter = (dimension: Dimension, value: string) => onChange({ filters: { ...form.filters, [dimension]: value } });

  return (
    <section className="card form-section" aria-labelledby="rule-query-title">
      <h2 id="rule-query-title">What to watch</h2>
      <div className="form-grid">
        <SelectField label="Metric" value={metric ? form.metric : ''} errors={errorsAt('query.metric')} onChange={(e) => pick(e.target.value)}
          options={[...(metric ? [] : [{ value: '', label: 'Choose a metric' }]), ...metrics.map((m) => ({ value: m.code, label: m.title }))]} />
        {!!metric?.groupBys.length && (
          <SelectField label="One alert per" value={form.groupBy} errors={errorsAt('query.groupBy')}
            onChange={(e) => onChange({ groupBy: e.target.value as Dimension | '' })}
            options={[{ value: '', label: 'Nothing: the metric as a whole' }, ...metric.groupBys.map((d) => ({ value: d, label: DIMENSION_LABELS[d] }))]} />
        )}
      </div>
      {metric && <p className="muted small form-hint">{metric.description}</p>}
      {!!metric?.filters.length && (
        <>
          <h3 className="section-subtitle">Only for</h3>
          <div className="form-grid">
            {metric.filters.map((dimension) => {
              const choices = DIMENSION_CHOICES[dimension];
              const common = { label: DIMENSION_LABELS[dimension], value: form.filters[dimension] ?? '', errors: errorsAt(`query.filters.${dimension}`) };
              return choices ? (
                <SelectField key={dimension} {...common} options={[{ value: '', label: 'Any' }, ...choices]} onChange={(e) => setFilter(dimension, e.target.value)} />
              ) : (
                <FormField key={dimension} {...common} placeholder="Any" onChange={(e) => setFilter(dimension, e.target.value)} />
              );
            })}
          </div>
          {errorsAt('query.filters')?.map((message) => <p key={message} className="field-errors">{message}</p>)}
        </>
      )}
    </section>
  );
}
