import { useCallback, useState } from 'react';
import { toast } from '../components/toast';
import i18next from 'i18next';
import { ApiError } from '../api/client';
import { errorText, fieldIssueText } from '../i18n';

/**
 * Turns an API failure into inline field messages (keyed by field path) plus a translated summary.
 * The form keeps what the user typed; only the messages change. `show` also returns the field messages,
 * for a Mantine form's setErrors.
 */
export function useApiErrors() {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  const show = useCallback((e: unknown) => {
    const shape = e instanceof ApiError ? e.shape : { code: 'internal' as const };
    const fields: Record<string, string> = {};
    for (const issue of shape.issues ?? []) fields[issue.path] ??= fieldIssueText(issue);
    setFieldErrors(fields);
    const summary = errorText(shape);
    setFormError(summary);
    toast({ color: 'red', title: i18next.t('errors.title'), message: summary });
    return fields;
  }, []);

  return { fieldErrors, formError, show, clear };
}
