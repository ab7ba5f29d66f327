import { Alert, Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmDiscard } from '../../components/confirm';
import { useApiErrors } from '../../hooks/useApiErrors';

export interface DialogField {
  key: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  description?: string;
  initial?: string;
}

/**
 * A small modal form (ordered-by, reason, note…) on @mantine/form. The method behind `onSubmit` checks
 * it with its contract schema; its field issues show under their fields and the typed text stays. Enter
 * in a single-line field submits, Esc closes (asking first when something was typed).
 */
export function FieldsDialog(props: {
  opened: boolean;
  title: string;
  fields: DialogField[];
  submitLabel: string;
  submitColor?: string;
  children?: ReactNode;
  onClose(): void;
  onSubmit(values: Record<string, string>): Promise<void>;
}) {
  return (
    <Modal opened={props.opened} onClose={props.onClose} closeOnEscape={false} title={props.title} size="lg">
      {/* Mounted per opening, so each opening starts from the fields' initial text. */}
      {props.opened && <DialogForm {...props} />}
    </Modal>
  );
}

function DialogForm(props: Parameters<typeof FieldsDialog>[0]) {
  const { t } = useTranslation();
  const errors = useApiErrors();
  const form = useForm<Record<string, string>>({
    initialValues: Object.fromEntries(props.fields.map((f) => [f.key, f.initial ?? ''])),
  });
  const cancel = () => void confirmDiscard(form.isDirty()).then((yes) => yes && props.onClose());

  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Esc from the fields inside
    <form
      noValidate
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        cancel();
      }}
      onSubmit={form.onSubmit(async (values) => {
        errors.clear();
        try {
          await props.onSubmit(values);
          props.onClose();
        } catch (e) {
          form.setErrors(errors.show(e));
        }
      })}
      data-testid="fields-dialog"
    >
      <Stack>
        {errors.formError && <Alert color="red">{errors.formError}</Alert>}
        {props.children}
        {props.fields.map((f) => {
          const common = {
            label: f.label,
            description: f.description,
            required: f.required,
            'data-testid': `dialog-${f.key}`,
            ...form.getInputProps(f.key),
          };
          return f.multiline ? (
            <Textarea key={f.key} {...common} autosize minRows={2} />
          ) : (
            <TextInput key={f.key} {...common} />
          );
        })}
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} color={props.submitColor} data-testid="dialog-submit">
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
