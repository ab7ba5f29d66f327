import { TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fromLocalDateTime, localDateTime } from '@domain';
import { useSettings } from '../app/settings-context';

/**
 * Minute-precision time typed as "YYYY-MM-DD HH:mm" in the duty room's zone (fast from the keyboard,
 * unambiguous at midnight); the value handed up is a UTC ISO string, or null while the text is invalid.
 */
export function DateTimeField(props: {
  label: string;
  value: string | null;
  onChange(iso: string | null): void;
  error?: string;
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [text, setText] = useState(() => (props.value ? localDateTime(props.value, settings.timeZone) : ''));
  const parsed = fromLocalDateTime(text, settings.timeZone);

  // Follow a value set from outside (e.g. "now" pressed) without fighting the user's typing: adjusted
  // while rendering, when the value handed down changes (React's pattern for state derived from props).
  const [shown, setShown] = useState(props.value);
  if (props.value !== shown) {
    setShown(props.value);
    if (props.value && props.value !== parsed) setText(localDateTime(props.value, settings.timeZone));
  }

  return (
    <TextInput
      label={props.label}
      required={props.required}
      value={text}
      placeholder="2026-11-23 08:30"
      description={t('form.timeHint', { zone: settings.timeZone })}
      error={props.error ?? (text && !parsed ? t('errors.field.invalid_datetime') : undefined)}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setText(v);
        props.onChange(fromLocalDateTime(v, settings.timeZone));
      }}
      data-testid={props.testId}
      ff="monospace"
    />
  );
}
