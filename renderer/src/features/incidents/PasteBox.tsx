import { Alert, Badge, Button, Group, Mark, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconClipboardText } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Extracted, ParsedMessage, TextSpan } from '@contract';
import { call } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { localDateTime } from '@domain';
import { useApiErrors } from '../../hooks/useApiErrors';

const COLORS: Record<string, string> = {
  occurredAt: 'blue.2',
  place: 'green.2',
  district: 'green.3',
  category: 'grape.2',
  subtype: 'grape.2',
  casualties: 'red.2',
  economicLoss: 'orange.2',
  source: 'cyan.2',
};

interface Found {
  key: string;
  label: string;
  value: string;
  span: TextSpan;
  color: string;
  estimate: boolean;
}

/** Every value the parser found, with its label and the colour its text is marked in. */
function foundValues(p: ParsedMessage, t: (k: string) => string, zone: string): Found[] {
  const out: Found[] = [];
  const add = (key: string, label: string, x: Extracted<unknown> | undefined, show: string, color: string) => {
    if (x) out.push({ key, label, value: show, span: x.span, color, estimate: !!x.estimate });
  };
  add(
    'occurredAt',
    t('incident.field.occurredAt'),
    p.occurredAt,
    p.occurredAt ? localDateTime(p.occurredAt.value, zone) : '',
    COLORS.occurredAt!,
  );
  add('place', t('incident.field.place'), p.place, p.place?.value ?? '', COLORS.place!);
  add('district', t('incident.field.district'), p.district, p.district?.value ?? '', COLORS.district!);
  add(
    'subtype',
    t('incident.field.subtype'),
    p.subtype,
    p.subtype ? `${t(`category.${p.category!.value}`)} · ${t(`subtype.${p.subtype.value}`)}` : '',
    COLORS.subtype!,
  );
  for (const [k, x] of Object.entries(p.casualties))
    add(`casualties.${k}`, t(`incident.casualty.${k}`), x, String(x.value), COLORS.casualties!);
  add(
    'economicLoss',
    t('incident.field.economicLoss'),
    p.economicLoss,
    String(p.economicLoss?.value ?? ''),
    COLORS.economicLoss!,
  );
  add('sourceUnit', t('incident.field.sourceUnit'), p.sourceUnit, p.sourceUnit?.value ?? '', COLORS.source!);
  add('sourcePerson', t('incident.field.sourcePerson'), p.sourcePerson, p.sourcePerson?.value ?? '', COLORS.source!);
  add('sourcePhone', t('incident.field.sourcePhone'), p.sourcePhone, p.sourcePhone?.value ?? '', COLORS.source!);
  return out;
}

/** The message with each extracted value marked; overlapping spans keep the first. */
function marked(text: string, found: Found[]): ReactNode[] {
  const spans = [...found].sort((a, b) => a.span.start - b.span.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const f of spans) {
    if (f.span.start < at) continue;
    if (f.span.start > at) out.push(text.slice(at, f.span.start));
    out.push(
      <Tooltip key={`${f.key}-${f.span.start}`} label={`${f.label}: ${f.value}`}>
        <Mark color={f.color} data-field={f.key}>
          {text.slice(f.span.start, f.span.end)}
        </Mark>
      </Tooltip>,
    );
    at = f.span.end;
  }
  out.push(text.slice(at));
  return out;
}

/**
 * 粘贴识别: paste a notice, text message or phone note and the form fills from it; the message is shown with
 * every value it gave marked, for the officer to confirm before saving.
 */
export function PasteBox(props: { initial?: string; onParsed(p: ParsedMessage, text: string): void }) {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const [text, setText] = useState(props.initial ?? '');
  const [result, setResult] = useState<{ text: string; parsed: ParsedMessage } | null>(null);
  const errors = useApiErrors();
  const onParsed = useRef(props.onParsed);
  useEffect(() => {
    onParsed.current = props.onParsed;
  });

  async function read(source: string) {
    if (!source.trim()) return;
    errors.clear();
    try {
      const parsed = await call('incidents.parseMessage', { text: source });
      setResult({ text: source, parsed });
      onParsed.current(parsed, source);
    } catch (e) {
      errors.show(e);
    }
  }
  const initial = useRef(props.initial);
  const readRef = useRef(read);
  useEffect(() => {
    readRef.current = read;
  });
  useEffect(() => {
    // Read the call's gist once, when the form opens from a call (after mount, not during it).
    const text = initial.current;
    if (!text) return;
    const timer = setTimeout(() => void readRef.current(text), 0);
    return () => clearTimeout(timer);
  }, []);

  const found = result ? foundValues(result.parsed, t, settings.timeZone) : [];
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-light)" data-testid="paste-box">
      <Stack gap={6}>
        {!result ? (
          <>
            <Textarea
              label={t('paste.label')}
              description={t('paste.hint')}
              autosize
              minRows={2}
              maxRows={6}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              onPaste={(e) => {
                const pasted = e.clipboardData.getData('text');
                if (pasted && !text.trim()) {
                  e.preventDefault();
                  setText(pasted);
                  void read(pasted);
                }
              }}
              data-testid="paste-text"
            />
            <Group justify="flex-end">
              <Button
                size="xs"
                variant="light"
                leftSection={<IconClipboardText size={16} />}
                onClick={() => void read(text)}
                data-testid="paste-read"
              >
                {t('paste.read')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {found.length ? t('paste.found', { n: found.length }) : t('paste.nothing')}
              </Text>
              <Button size="xs" variant="subtle" onClick={() => setResult(null)}>
                {t('paste.again')}
              </Button>
            </Group>
            <Text size="sm" data-testid="paste-marked" style={{ lineHeight: 1.9 }}>
              {marked(result.text, found)}
            </Text>
            <Group gap={6} data-testid="paste-values">
              {found.map((f) => (
                <Badge
                  key={f.key}
                  variant="light"
                  color={f.estimate ? 'orange' : 'gray'}
                  style={{ textTransform: 'none' }}
                >
                  {f.label}: {f.value}
                  {f.estimate ? ` (${t('paste.estimate')})` : ''}
                </Badge>
              ))}
            </Group>
            {found.some((f) => f.estimate) && (
              <Alert color="orange" p={6}>
                {t('paste.estimateHint')}
              </Alert>
            )}
            <Text size="xs" c="dimmed">
              {t('paste.confirm')}
            </Text>
          </>
        )}
        {errors.formError && <Alert color="red">{errors.formError}</Alert>}
      </Stack>
    </Paper>
  );
}
