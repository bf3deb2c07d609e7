import { describe, expect, it } from 'vitest';
import { applyTemplate, blankForm, buildDraft, formOf, newRuleForm, templateKey, withMetric } from './draft';
import { durationP95, failureCost, failureRate, mttr, ruleDraft, topFailingJobs } from './fixtures';

const templates = [{ ...ruleDraft({ name: 'Main failing' }), id: 'main' }, ruleDraft({ name: 'Slow', query: { metric: 'duration_p95', groupBy: null, filters: null, top: null }, condition: { kind: 'above', threshold: 600_000, upper: null, recoveryThreshold: null } })];

describe('formOf', () => {
  it('shows a rule in the units people think in', () => {
    const form = formOf(ruleDraft(), 'ratio');
    expect(form).toMatchObject({ metric: 'failure_rate', groupBy: [], filters: { branch: 'main' }, kind: 'above', threshold: '20', upper: '', recovery: '15' });
    const slow = formOf(ruleDraft({ query: { metric: 'duration_p95', groupBy: 'job', filters: null, top: 5 }, condition: { kind: 'outside', threshold: 60_000, upper: 1_800_000, recoveryThreshold: null } }), 'ms');
    expect(slow).toMatchObject({ groupBy: ['job'], filters: {}, top: 5, threshold: '1', upper: '30', recovery: '' });
  });

  it('leaves out filters that are null or empty', () => {
    expect(formOf(ruleDraft({ query: { metric: 'failure_rate', groupBy: null, filters: { branch: null, repository: '', pipeline: 'CI' }, top: null } }), 'ratio').filters)
      .toEqual({ pipeline: 'CI' });
  });
});

describe('buildDraft', () => {
  it('sends thresholds in the metric unit, and round-trips a rule', () => {
    const draft = ruleDraft();
    expect(buildDraft(formOf(draft, 'ratio'), failureRate)).toEqual({ ok: true, draft });
  });

  it('converts minutes to milliseconds and dollars as they are', () => {
    const form = { ...blankForm('duration_p95'), kind: 'outside' as const, threshold: '1.5', upper: '30' };
    expect(buildDraft(form, durationP95)).toMatchObject({ ok: true, draft: { condition: { kind: 'outside', threshold: 90_000, upper: 1_800_000, recoveryThreshold: null } } });
    expect(buildDraft({ ...blankForm('failure_cost'), threshold: '12.5' }, failureCost)).toMatchObject({ ok: true, draft: { condition: { threshold: 12.5 } } });
  });

  it('sends a percent change as typed, without an upper limit or recovery level', () => {
    const form = { ...blankForm('failure_rate'), kind: 'percent_change' as const, threshold: '-25', upper: '40', recovery: '10' };
    expect(buildDraft(form, failureRate)).toMatchObject({ ok: true, draft: { condition: { kind: 'percent_change', threshold: -25, upper: null, recoveryThreshold: null } } });
  });

  it('sends only the filters and group-by the metric allows, trimmed, and text fields trimmed', () => {
    const form = { ...blankForm('mttr'), name: ' Slow recovery ', description: '  ', groupBy: ['job' as const], threshold: '60', filters: { repository: ' acme/api ', job: 'build', branch: '' } };
    const check = buildDraft(form, mttr);
    expect(check).toMatchObject({ ok: true, draft: { name: 'Slow recovery', description: null, query: { metric: 'mttr', groupBy: null, filters: { repository: 'acme/api' } }, condition: { threshold: 3_600_000 } } });
  });

  it('groups by several dimensions in the metric\'s order: the first is groupBy, the others alsoGroupBy, and back', () => {
    const form = { ...blankForm('failure_rate'), groupBy: ['pipeline' as const, 'repository' as const], threshold: '20' };
    const check = buildDraft(form, failureRate);
    expect(check).toMatchObject({ ok: true, draft: { query: { groupBy: 'repository', alsoGroupBy: ['pipeline'] } } });
    expect(check.ok && formOf(check.draft, 'ratio').groupBy).toEqual(['repository', 'pipeline']);
    expect(buildDraft({ ...form, groupBy: ['job'] }, failureRate)).toMatchObject({ ok: true, draft: { query: { groupBy: 'job', alsoGroupBy: null } } });
    expect(buildDraft({ ...form, groupBy: [] }, failureRate)).toMatchObject({ ok: true, draft: { query: { groupBy: null, alsoGroupBy: null } } });
  });

  it('says what is wrong under the names the server uses', () => {
    expect(buildDraft({ ...blankForm('failure_rate'), threshold: '' }, failureRate)).toEqual({ ok: false, errors: { 'condition.threshold': ['Enter a number.'] } });
    expect(buildDraft({ ...blankForm('top_failing_jobs'), threshold: '1' }, topFailingJobs)).toMatchObject({ ok: false, errors: { 'query.metric': [expect.any(String)] } });
    expect(buildDraft({ ...blankForm('gone'), threshold: '1' }, undefined)).toMatchObject({ ok: false, errors: { 'query.metric': [expect.any(String)] } });
    expect(buildDraft({ ...blankForm('failure_rate'), kind: 'outside', threshold: '20', upper: '10' }, failureRate))
      .toMatchObject({ ok: false, errors: { 'condition.upper': ['The upper limit must be above the lower one.'] } });
    expect(buildDraft({ ...blankForm('failure_rate'), kind: 'outside', threshold: '20' }, failureRate)).toMatchObject({ ok: false, errors: { 'condition.upper': ['Enter a number.'] } });
  });

  it('wants a recovery level on the safe side of the threshold', () => {
    expect(buildDraft({ ...blankForm('failure_rate'), threshold: '20', recovery: '25' }, failureRate))
      .toMatchObject({ ok: false, errors: { 'condition.recoveryThreshold': ['It must be at or below the threshold.'] } });
    expect(buildDraft({ ...blankForm('failure_rate'), kind: 'below', threshold: '20', recovery: '15' }, failureRate))
      .toMatchObject({ ok: false, errors: { 'condition.recoveryThreshold': ['It must be at or above the threshold.'] } });
    expect(buildDraft({ ...blankForm('failure_rate'), kind: 'below', threshold: '20', recovery: '25' }, failureRate))
      .toMatchObject({ ok: true, draft: { condition: { recoveryThreshold: 0.25 } } });
  });
});

describe('withMetric and applyTemplate', () => {
  it('drops a group-by and filters the new metric does not allow', () => {
    const form = { ...blankForm('failure_rate'), groupBy: ['job' as const], filters: { job: 'build', repository: 'acme/api' } };
    expect(withMetric(form, mttr)).toMatchObject({ metric: 'mttr', groupBy: [], filters: { repository: 'acme/api' } });
    expect(withMetric(form, durationP95)).toMatchObject({ metric: 'duration_p95', groupBy: ['job'], filters: { job: 'build', repository: 'acme/api' } });
  });

  it('prefills the form from a template, keeping the channels picked when the template names none', () => {
    const current = { ...blankForm('failure_rate'), channelIds: ['c9'] };
    expect(applyTemplate(ruleDraft({ channelIds: [] }), 'ratio', current)).toMatchObject({ name: 'Failure rate on main above 20%', threshold: '20', channelIds: ['c9'] });
    expect(applyTemplate(ruleDraft(), 'ratio', current).channelIds).toEqual(['c1']);
  });
});

describe('newRuleForm', () => {
  it('starts from the template the address names, by id or place in the list', () => {
    expect(templates.map(templateKey)).toEqual(['main', '1']);
    expect(newRuleForm([failureRate, durationP95], templates, 'main')).toMatchObject({ name: 'Main failing', threshold: '20' });
    expect(newRuleForm([failureRate, durationP95], templates, '1')).toMatchObject({ name: 'Slow', metric: 'duration_p95', threshold: '10' });
  });

  it('starts blank on the failure rate, else the first metric', () => {
    expect(newRuleForm([durationP95, failureRate], templates, '')).toEqual(blankForm('failure_rate'));
    expect(newRuleForm([durationP95], templates, 'gone')).toEqual(blankForm('duration_p95'));
    expect(newRuleForm([], [], '').metric).toBe('');
  });
});
