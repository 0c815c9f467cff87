// The values of a form being filled in (shared/forms): checked in the browser against the definition
// before they are sent, and the server's field issues shown by their fields when it refuses them.
import { useState } from 'react';
import type { FormDefinition, FormValue, FormValues } from '../../shared/forms/definition';
import { fieldsOf } from '../../shared/forms/definition';
import { formValuesSchema } from '../../shared/forms/values';
import { isApiError } from '../api';

/** The values the definition has fields for (a revised form may have dropped some). */
export function onlyFieldsOf(definition: FormDefinition, values: FormValues): FormValues {
  const keys = new Set(fieldsOf(definition).map((field) => field.key));
  return Object.fromEntries(Object.entries(values).filter(([key]) => keys.has(key)));
}

export function useFormValues(definition: FormDefinition, initial: () => FormValues) {
  const [values, setValues] = useState<FormValues>(() => onlyFieldsOf(definition, initial()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  return {
    values,
    errors,
    /** Replaces every value (loading what was saved meanwhile). */
    reset: (next: FormValues) => setValues(onlyFieldsOf(definition, next)),
    change: (key: string, value: FormValue) => setValues((before) => ({ ...before, [key]: value })),
    /** True when the values fit the definition; else each wrong field shows why. */
    check: (): boolean => {
      const checked = formValuesSchema(definition).safeParse(values);
      setErrors(
        checked.success
          ? {}
          : Object.fromEntries(checked.error.issues.map((issue) => [String(issue.path[0]), issue.message])),
      );
      return checked.success;
    },
    /** The server's field issues (paths `values.<key>`), by their fields. */
    showServerIssues: (error: unknown) => {
      if (!isApiError(error)) return;
      setErrors(
        Object.fromEntries(
          error.fieldIssues.map((issue) => [issue.path.replace(/^values\./, ''), issue.message]),
        ),
      );
    },
  };
}
