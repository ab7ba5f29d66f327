import { Alert, Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
 * A small modal form (ordered-by, reason, note…). Errors from the API show under their field and the
 * typed text stays; Enter in a single-line field submits, Esc closes.
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
  const { t } = useTranslation();
  const errors = useApiErrors();
  const [values, setValues] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const { opened, fields } = props;

  useEffect(() => {
    if (opened) setValues(Object.fromEntries(fields.map((f) => [f.key, f.initial ?? ''])));
    // Reset only when the dialog opens: callers rebuild `fields` on every render.
  }, [opened]);

  async function submit() {
    setBusy(true);
    errors.clear();
    try {
      await props.onSubmit(values);
      props.onClose();
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={props.onClose} title={props.title} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        data-testid="fields-dialog"
      >
        <Stack>
          {errors.formError && <Alert color="red">{errors.formError}</Alert>}
          {props.children}
          {fields.map((f) => {
            const common = {
              key: f.key,
              label: f.label,
              description: f.description,
              required: f.required,
              value: values[f.key] ?? '',
              error: errors.fieldErrors[f.key],
              'data-testid': `dialog-${f.key}`,
              onChange: (e: { currentTarget: { value: string } }) => {
                const v = e.currentTarget.value;
                setValues((old) => ({ ...old, [f.key]: v }));
              },
            };
            return f.multiline ? <Textarea {...common} autosize minRows={2} /> : <TextInput {...common} />;
          })}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={props.submitColor} data-testid="dialog-submit">
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
