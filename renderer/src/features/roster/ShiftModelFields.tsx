import { Group, SegmentedControl, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftModel } from '@contract';

/** What a newly chosen model starts from: the usual handover at 08:30, the night from 17:30. */
export function defaultShiftModel(kind: ShiftModel['kind']): ShiftModel {
  return kind === '24h'
    ? { kind: '24h', handoverTime: '08:30' }
    : { kind: 'day_night', dayStart: '08:30', nightStart: '17:30' };
}

/**
 * The shift model's kind and times, as Settings' roster panel and the first-run wizard both ask them.
 * `errorOf` gives the message for a field of the model (`handoverTime`, `dayStart`, `nightStart`).
 */
export function ShiftModelFields(props: {
  value: ShiftModel;
  onChange(m: ShiftModel): void;
  errorOf(field: 'handoverTime' | 'dayStart' | 'nightStart'): ReactNode;
}) {
  const { t } = useTranslation();
  const m = props.value;
  const time = (field: 'handoverTime' | 'dayStart' | 'nightStart', value: string, patch: (v: string) => ShiftModel) => (
    <TextInput
      placeholder="08:30"
      maxLength={5}
      label={t(`shiftModel.${field}`)}
      value={value}
      onChange={(e) => props.onChange(patch(e.currentTarget.value))}
      error={props.errorOf(field)}
      data-testid={field === 'handoverTime' ? 'shift-handover-time' : undefined}
    />
  );
  return (
    <>
      <SegmentedControl
        aria-label={t('shiftModel.title')}
        value={m.kind}
        onChange={(kind) => props.onChange(defaultShiftModel(kind as ShiftModel['kind']))}
        data={[
          { value: '24h', label: t('shiftModel.kind24h') },
          { value: 'day_night', label: t('shiftModel.kindDayNight') },
        ]}
      />
      {m.kind === '24h' ? (
        time('handoverTime', m.handoverTime, (v) => ({ kind: '24h', handoverTime: v }))
      ) : (
        <Group grow>
          {time('dayStart', m.dayStart, (v) => ({ ...m, dayStart: v }))}
          {time('nightStart', m.nightStart, (v) => ({ ...m, nightStart: v }))}
        </Group>
      )}
    </>
  );
}
