import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { fieldErrorsUnder, withoutFields } from './ProblemAlert';

const invalid = (errors: Record<string, string[]>) => new ApiError(400, { title: 'One or more validation errors occurred.', status: 400, errors });

describe('field errors', () => {
  it('gathers the messages of a field and of its parts', () => {
    const error = invalid({ recipients: ['Give at least one.'], 'recipients[1]': ['Not an e-mail address.'], 'recipientsCount': ['other'] });
    expect(fieldErrorsUnder(error, 'recipients')).toEqual(['Give at least one.', 'Not an e-mail address.']);
    expect(fieldErrorsUnder(error, 'name')).toBeUndefined();
    expect(fieldErrorsUnder(new Error('boom'), 'name')).toBeUndefined();
  });

  it('leaves what the form shows beside its fields out of the summary', () => {
    const error = invalid({ 'condition.threshold': ['Too low.'], 'query.filters.branch': ['Too long.'], 'query.top': ['At most 100.'] });
    const rest = withoutFields(error, ['condition.threshold', 'query.filters']);
    expect(rest).toBeInstanceOf(ApiError);
    expect((rest as ApiError).fieldErrors).toEqual({ 'query.top': ['At most 100.'] });
    expect(withoutFields(error, ['condition', 'query'])).toBeNull();
    expect(withoutFields(error, ['name'])).toBe(error);
    const other = new ApiError(409, { title: 'Conflict' });
    expect(withoutFields(other, ['name'])).toBe(other);
  });
});
