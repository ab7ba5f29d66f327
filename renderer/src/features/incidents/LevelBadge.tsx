import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Level } from '@contract';

const COLORS: Record<Level, string> = { I: 'red.9', II: 'orange.8', III: 'yellow.8', IV: 'blue.7', unrated: 'gray.6' };

export function LevelBadge({ level }: { level: Level }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[level]} variant="filled" style={{ flexShrink: 0, textTransform: 'none' }}>
      {t(`level.${level}`)}
    </Badge>
  );
}
