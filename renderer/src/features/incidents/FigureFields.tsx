import { Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASUALTY_FIELDS, type Casualties } from '@contract';

type Field = (typeof CASUALTY_FIELDS)[number] | 'economicLoss';

/** A count of people: digits only. Anything else is an error to show, never a silent 0. */
const COUNT = /^\d{1,7}$/;
/** 万元, decimals allowed. */
const AMOUNT = /^\d{1,9}(\.\d{1,4})?$/;

export interface Figures {
  casualties: Casualties;
  economicLoss: number | null;
  lossVerifying?: boolean;
}

/**
 * Casualty figures and the direct loss as typed text, so that "-3", "三" or an empty box stays on screen
 * with an error under it instead of becoming 0. Valid figures reach the form at once; `onInvalid` tells it
 * which boxes hold something it must not send. The loss may be left empty with "正在核实" ticked: an
 * explicit answer for 初报 and 续报.
 */
export function FigureFields(props: {
  value: Figures;
  onChange(v: Figures): void;
  onInvalid(fields: Field[]): void;
  serverErrors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  const { value } = props;
  const [raw, setRaw] = useState<Record<Field, string>>(() => ({
    ...(Object.fromEntries(CASUALTY_FIELDS.map((k) => [k, String(value.casualties[k])])) as Record<Field, string>),
    economicLoss: value.economicLoss === null ? '' : String(value.economicLoss),
  }));
  // A figure set from outside (a pasted message read into the form) replaces what its box shows; a box
  // whose own typing made the value, or holding an entry the form never took, keeps its text.
  const [shown, setShown] = useState<Figures>(value);
  if (shown.casualties !== value.casualties || shown.economicLoss !== value.economicLoss) {
    setShown(value);
    setRaw((r) => syncRaw(r, shown, value));
  }
  const bad = (k: Field, text: string) =>
    k === 'economicLoss' ? text.trim() !== '' && !AMOUNT.test(text.trim()) : !COUNT.test(text.trim());

  function edit(k: Field, text: string) {
    const next = { ...raw, [k]: text };
    setRaw(next);
    props.onInvalid((Object.keys(next) as Field[]).filter((f) => bad(f, next[f])));
    if (bad(k, text)) return;
    if (k === 'economicLoss') {
      const loss = text.trim() === '' ? null : Number(text.trim());
      props.onChange({ ...value, economicLoss: loss, lossVerifying: loss === null ? value.lossVerifying : undefined });
    } else props.onChange({ ...value, casualties: { ...value.casualties, [k]: Number(text.trim()) } });
  }

  const error = (k: Field) =>
    bad(k, raw[k])
      ? t(k === 'economicLoss' ? 'incident.figureInvalid.amount' : 'incident.figureInvalid.count')
      : props.serverErrors[k === 'economicLoss' ? k : `casualties.${k}`];

  return (
    <SimpleGrid cols={7} spacing="xs">
      {CASUALTY_FIELDS.map((k) => (
        <TextInput
          key={k}
          label={t(`incident.casualty.${k}`)}
          inputMode="numeric"
          value={raw[k]}
          onChange={(e) => edit(k, e.currentTarget.value)}
          error={error(k)}
          data-testid={`incident-casualty-${k}`}
        />
      ))}
      <Stack gap={4}>
        <TextInput
          label={t('incident.field.economicLoss')}
          inputMode="decimal"
          value={raw.economicLoss}
          placeholder={value.lossVerifying ? t('incident.lossVerifying') : undefined}
          onChange={(e) => edit('economicLoss', e.currentTarget.value)}
          error={error('economicLoss')}
          data-testid="incident-economicLoss"
        />
        <Checkbox
          size="xs"
          label={t('incident.lossVerifying')}
          disabled={value.economicLoss !== null}
          checked={Boolean(value.lossVerifying) && value.economicLoss === null}
          onChange={(e) => props.onChange({ ...value, lossVerifying: e.currentTarget.checked })}
          data-testid="incident-lossVerifying"
        />
      </Stack>
    </SimpleGrid>
  );
}

function syncRaw(raw: Record<Field, string>, before: Figures, after: Figures): Record<Field, string> {
  const next = { ...raw };
  const typed = (k: Field, n: number | null) =>
    n === null ? raw[k].trim() === '' : raw[k].trim() !== '' && Number(raw[k].trim()) === n;
  for (const k of CASUALTY_FIELDS) {
    const n = after.casualties[k];
    if (n !== before.casualties[k] && !typed(k, n)) next[k] = String(n);
  }
  const loss = after.economicLoss;
  if (loss !== before.economicLoss && !typed('economicLoss', loss))
    next.economicLoss = loss === null ? '' : String(loss);
  return next;
}
