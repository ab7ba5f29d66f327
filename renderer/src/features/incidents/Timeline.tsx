import { Text, Timeline as MTimeline, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@contract';
import { useSettings } from '../../app/settings-context';
import { actorName, formatRelative, formatTime } from '../../components/time-format';
import { useNow } from '../../hooks/useNow';
import { fieldList } from './field-label';

export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const now = useNow(30_000);
  return (
    <MTimeline bulletSize={14} lineWidth={2} active={entries.length} data-testid="timeline">
      {entries.map((e, i) => (
        <MTimeline.Item
          key={`${e.kind}-${e.refId}-${i}`}
          title={
            <Text size="sm" fw={600} data-kind={e.kind}>
              {e.seq !== undefined ? (
                // A report is named in the reader's language (续报（第 2 次）/ Follow-up report 2), not by the
                // Chinese name the core stores for documents.
                t(`report.name.${e.kind.replace('report_', '')}`, { n: e.seq })
              ) : (
                <>
                  {t(`timeline.kind.${e.kind}`, { defaultValue: e.kind })}
                  {e.fields?.length ? ` · ${fieldList(t, e.fields)}` : e.title ? ` · ${e.title}` : ''}
                </>
              )}
            </Text>
          }
        >
          {e.detail && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {e.detail}
            </Text>
          )}
          <Tooltip label={formatTime(e.at, settings.timeZone)}>
            <Text size="xs" c="dimmed" component="span">
              {formatTime(e.at, settings.timeZone)} · {formatRelative(e.at, now)}
              {e.by ? ` · ${actorName(e.by)}` : ''}
            </Text>
          </Tooltip>
        </MTimeline.Item>
      ))}
    </MTimeline>
  );
}
