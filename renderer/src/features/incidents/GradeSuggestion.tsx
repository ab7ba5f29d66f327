import { Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { GradeReason, GradeSuggestion as Suggestion, Level } from '@contract';
import { clockFor, effectiveRule } from '@domain';
import { useQuery } from '../../hooks/useQuery';

/** "死亡 9 人、失踪 1 人，合计 10 人 ≥ 10 → 重大": a reason as the officer would say it. */
export function gradeReasonText(t: TFunction, r: GradeReason): string {
  const figure = r.parts
    ? t('incident.grade.reason.deathsMissing', { deaths: r.parts.deaths, missing: r.parts.missing, n: r.value })
    : t(`incident.grade.reason.${r.field}`, { n: r.value });
  const level = t(`level.${r.level}`);
  return r.level === 'IV'
    ? t('incident.grade.below', { figure, level })
    : t('incident.grade.reached', { figure, threshold: r.threshold, level });
}

function span(t: TFunction, minutes: number): string {
  return minutes % 60 === 0
    ? t('incident.clock.hours', { n: minutes / 60 })
    : t('incident.clock.minutes', { n: minutes });
}

/** Which clock an incident runs on and why: "电话 30 分钟、书面 2 小时（未定级按较大时限，不按一般）". */
export function ClockNote({ level, sensitive }: { level: Level; sensitive: boolean }) {
  const { t } = useTranslation();
  const { data } = useQuery('deadlines.rules', {});
  if (!data) return null;
  const rule = effectiveRule(data.rules, level, sensitive);
  const choice = clockFor(level, sensitive);
  return (
    <Text size="xs" c="dimmed" data-testid="clock-note" data-rule={choice.rule} data-why={choice.why}>
      {t('incident.clock.line', {
        phone: span(t, rule.phoneMinutes),
        written: span(t, rule.writtenMinutes),
        why: t(`incident.clock.why.${choice.why}`, { level: t(`level.${choice.rule}`) }),
      })}
    </Text>
  );
}

/**
 * The grade suggestion under the level field: its reasons, what saving will do with it (a new incident
 * left 未定级 starts at a suggested 较大 or above), and the clock that will then apply.
 */
export function GradeSuggestion(props: {
  suggestion: Suggestion | null;
  chosen: Level;
  /** The grade the incident will have once saved (the suggestion applied, or the choice). */
  effective: Level;
  sensitive: boolean;
}) {
  const { t } = useTranslation();
  const { suggestion, chosen, effective } = props;
  const reasons = suggestion?.reasons.map((r) => gradeReasonText(t, r)) ?? [];
  return (
    <Stack gap={2} data-testid="grade-suggestion" data-level={suggestion?.level ?? ''}>
      {suggestion && (
        <Text size="xs" c={suggestion.level === chosen ? 'dimmed' : 'orange.9'}>
          {t('incident.grade.suggestion', {
            reasons: reasons.join('；') || t('incident.grade.none', { level: t('level.IV') }),
          })}
        </Text>
      )}
      {effective !== chosen && (
        <Text size="xs" fw={600} data-testid="grade-will-apply">
          {t('incident.grade.willApply', { level: t(`level.${effective}`) })}
        </Text>
      )}
      {suggestion && chosen !== 'unrated' && suggestion.level !== chosen && (
        <Text size="xs" c="dimmed">
          {t('incident.grade.differs')}
        </Text>
      )}
      <ClockNote level={effective} sensitive={props.sensitive} />
    </Stack>
  );
}
