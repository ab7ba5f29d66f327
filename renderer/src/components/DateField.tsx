import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localDateSchema } from '@contract';

/**
 * A calendar date typed as YYYY-MM-DD, the one way the console writes dates. Not the browser's
 * `type="date"`, which shows the workstation locale's format (2026/11/28, 11/28/2026) and its own
 * untranslated bubbles; the text is checked by the contract's date rule, worded like the core's answer.
 */
export function DateField(props: Omit<TextInputProps, 'value' | 'type'> & { value?: string }) {
  const { t } = useTranslation();
  const bad = !!props.value && !localDateSchema.safeParse(props.value).success;
  return (
    <TextInput
      placeholder="2026-11-23"
      maxLength={10}
      ff="monospace"
      {...props}
      error={props.error ?? (bad ? t('errors.field.invalid_date') : undefined)}
    />
  );
}
