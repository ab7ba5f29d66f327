import type { z } from 'zod';
import type { FieldIssue } from './errors';

/** Maps zod's issues to translatable field issues (`errors.field.<code>`), keeping the numbers. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map(toFieldIssue);
}

/**
 * One issue, raw (as zod's error map sees it, so the renderer's forms word it the same way) or final.
 */
export function toFieldIssue(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): FieldIssue {
  const path = (issue.path ?? []).map(String).join('.');
  const params: Record<string, string | number> = {};
  let code: string;
  switch (issue.code) {
    case 'too_small':
      // An empty required text or choice is "required", not "at least 1 character / item".
      code =
        issue.origin === 'string'
          ? Number(issue.minimum) === 1
            ? 'required'
            : 'too_short'
          : issue.origin === 'array' && Number(issue.minimum) === 1
            ? 'required'
            : 'too_small';
      if (code !== 'required') params.minimum = Number(issue.minimum);
      break;
    case 'too_big':
      code = issue.origin === 'string' ? 'too_long' : 'too_big';
      params.maximum = Number(issue.maximum);
      break;
    case 'invalid_type':
      code = issue.input === undefined ? 'required' : 'invalid_type';
      break;
    case 'invalid_value':
      code = 'invalid_option';
      break;
    case 'invalid_format':
      code = 'invalid_format';
      break;
    case 'unrecognized_keys':
      code = 'unrecognized_keys';
      params.keys = issue.keys.join(', ');
      break;
    case 'custom':
      // Custom refinements carry their own i18n code in `params.code`.
      code = String((issue.params as { code?: string } | undefined)?.code ?? 'invalid');
      break;
    default:
      code = 'invalid';
  }
  return { path, code, params: Object.keys(params).length ? params : undefined };
}
