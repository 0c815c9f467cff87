// Server validation errors (details: [{path, message}]) placed beside the fields they belong to.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from '../api';

/** Sets each field issue on its field; returns the paths that were placed (the rest go in an Alert). */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): string[] {
  if (!isApiError(error)) return [];
  const placed: string[] = [];
  for (const issue of error.fieldIssues) {
    const field = fields.find((name) => name === issue.path);
    if (!field) continue;
    // The first one takes the focus, so a screen reader reads it out with its field.
    setError(field, { type: 'server', message: issue.message }, { shouldFocus: placed.length === 0 });
    placed.push(issue.path);
  }
  return placed;
}

/**
 * For a "type it again" check: run it even while other fields still have mistakes (Zod skips object
 * refinements on a failed object unless told when), as long as both fields are there as text.
 */
export const whenBothText =
  (a: string, b: string) =>
  (payload: { value: unknown }): boolean => {
    const value = payload.value as Record<string, unknown> | null;
    return typeof value?.[a] === 'string' && typeof value?.[b] === 'string';
  };

/**
 * A "type it again" refinement: `schema.refine(...matches('password', 'passwordConfirm', message))`
 * puts the message on the second field when the two differ (checked as soon as both are text).
 */
export const matches = <A extends string, B extends string>(a: A, b: B, message: string) =>
  [
    (values: Record<A | B, unknown>) => values[a] === values[b],
    { path: [b] as PropertyKey[], error: message, when: whenBothText(a, b) },
  ] as const;
