import { useForm, type UseFormReturnType } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { z } from 'zod';
import { contract, type MethodInput, type MethodName } from '@contract';
import { toFieldIssue } from '@contract/zod-issues';
import { ApiError } from '../api/client';
import { fieldIssueText } from '../i18n';
import { useApiErrors } from './useApiErrors';

// The contract's schemas word their issues through the same codes the core sends back
// (`errors.field.<code>`), so a field reads the same message whether the form or the core caught it.
z.config({ customError: (issue) => fieldIssueText(toFieldIssue(issue)) });

/**
 * A Mantine form validated by the input schema of the contract method it saves through (one validation:
 * the core's own), whose save shows the core's answer too: field issues land on their fields, the rest
 * in `formError`. Nothing typed is ever lost. `toInput` turns what the form holds (e.g. phones as lines)
 * into the method's input; field paths are the input's, so keep form fields named like it.
 */
export function useContractForm<M extends MethodName, V extends Record<string, unknown>>(opts: {
  method: M;
  initialValues: V;
  toInput?: (values: V) => MethodInput<M>;
  /** The form field showing an input path's issue when they differ (e.g. `phones.0` → `phones`). */
  fieldOf?: (path: string) => string;
}) {
  type I = MethodInput<M>;
  const toInput = opts.toInput ?? ((v: V) => v as unknown as I);
  const onFields = (byPath: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const [path, message] of Object.entries(byPath)) out[opts.fieldOf?.(path) ?? path] ??= message;
    return out as Record<string, string>;
  };
  const resolve = zod4Resolver(contract[opts.method].input as never, { errorPriority: 'first' });
  const form: UseFormReturnType<V> = useForm<V>({
    mode: 'controlled',
    initialValues: opts.initialValues,
    validate: (values) => onFields(resolve(toInput(values))),
  });
  const errors = useApiErrors();

  /** `form.onSubmit` for a save: validate, run `save(input)`, and map a failure onto the fields. */
  const submit = (save: (input: I, values: V) => Promise<unknown>) =>
    form.onSubmit(
      async (values) => {
        errors.clear();
        try {
          await save(toInput(values), values);
        } catch (e) {
          form.setErrors(onFields(errors.show(e)));
        }
      },
      // The same summary the core's own refusal would give, beside the fields' inline messages.
      () => void errors.show(new ApiError({ code: 'validation' })),
    );

  return { form, submit, formError: errors.formError, showError: errors.show };
}
