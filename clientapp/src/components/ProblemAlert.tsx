import { ApiError } from '../api/client';

/** The message of a failed call, unless its only content is field errors shown beside the fields. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  if (error instanceof ApiError && error.status === 400 && Object.keys(error.fieldErrors).length > 0) return null;
  const message = error instanceof Error ? error.message : String(error);
  return <div className="banner error" role="alert">{message}</div>;
}

export function fieldErrors(error: unknown, field: string): string[] | undefined {
  return error instanceof ApiError ? error.fieldErrors[field] : undefined;
}
