import { ApiError } from '../api/client';

/** The message of a failed call, unless its only content is field errors shown beside the fields. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.status === 400 && Object.keys(error.fieldErrors).length > 0) return null;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'Something went wrong.';
  return <div className="banner error" role="alert">{message}</div>;
}

export function fieldErrors(error: unknown, field: string): string[] | undefined {
  return error instanceof ApiError ? error.fieldErrors[field] : undefined;
}

/** Whether a server field name is `field` or one of its parts: "recipients[1]", "query.filters.branch". */
const isUnder = (name: string, field: string) => name === field || name.startsWith(`${field}.`) || name.startsWith(`${field}[`);

/** The messages of `field` and of its parts, for a field that edits a list or an object. */
export function fieldErrorsUnder(error: unknown, field: string): string[] | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const messages = Object.entries(error.fieldErrors).filter(([name]) => isUnder(name, field)).flatMap(([, list]) => list);
  return messages.length ? messages : undefined;
}

/**
 * The error less the field errors shown beside the form's own fields: null when nothing is left to
 * say, the error itself when none of its fields are on the form.
 */
export function withoutFields(error: unknown, fields: readonly string[]): unknown {
  if (!(error instanceof ApiError)) return error;
  const all = Object.entries(error.fieldErrors);
  const rest = all.filter(([name]) => !fields.some((field) => isUnder(name, field)));
  if (rest.length === all.length) return error;
  return rest.length ? new ApiError(error.status, { ...error.problem, errors: Object.fromEntries(rest) }) : null;
}
