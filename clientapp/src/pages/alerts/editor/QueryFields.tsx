import type { Dimension, MetricDefinition } from '../../../api/schemas';
import { FormField } from '../../../components/FormField';
import { SelectField } from '../../../components/SelectField';
import { groupsAllowed, withMetric } from '../model/draft';
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
      </div>
      {!!metric?.groupBys.length && <GroupByChoices metric={metric} chosen={form.groupBy} errorsAt={errorsAt} onChange={(groupBy) => onChange({ groupBy })} />}
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

interface GroupByProps {
  metric: MetricDefinition;
  chosen: Dimension[];
  errorsAt: SectionProps['errorsAt'];
  onChange: (groupBy: Dimension[]) => void;
}

/** "One alert per" any combination of the dimensions the metric groups by: per repository and pipeline, say. */
function GroupByChoices({ metric, chosen, errorsAt, onChange }: GroupByProps) {
  const toggle = (dimension: Dimension) =>
    onChange(groupsAllowed(chosen.includes(dimension) ? chosen.filter((d) => d !== dimension) : [...chosen, dimension], metric));
  const errors = [...(errorsAt('query.groupBy') ?? []), ...(errorsAt('query.alsoGroupBy') ?? [])];
  return (
    <fieldset className="choices">
      <legend>One alert per</legend>
      {metric.groupBys.map((dimension) => (
        <label key={dimension} className="check">
          <input type="checkbox" checked={chosen.includes(dimension)} onChange={() => toggle(dimension)} />
          <span>{DIMENSION_LABELS[dimension]}</span>
        </label>
      ))}
      <p className="muted small form-hint">
        {chosen.length ? `One alert for each ${chosen.map((d) => DIMENSION_LABELS[d].toLowerCase()).join(' and ')} combination.` : 'Nothing ticked: one alert for the metric as a whole.'}
      </p>
      {errors.map((message) => <p key={message} className="field-errors">{message}</p>)}
    </fieldset>
  );
}
