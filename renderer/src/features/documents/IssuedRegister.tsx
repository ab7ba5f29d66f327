import { Button, Group, Modal, Stack, Table, Text, TextInput, Tooltip, Badge } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentFormat, IssuedDocument } from '@contract';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { useSettings } from '../../app/settings-context';
import { actorName, formatTime } from '../../components/time-format';
import { useExport } from './useExport';

/**
 * 已签发 register: every issued 值班信息 and 专报 with its 期号 (and 文号), period, who issued it when, and the
 * SHA-256 of each stored file; downloads hand out the stored bytes; a correction issues a new 期 marked 更正.
 */
export function IssuedRegister() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  // Downloads and corrections are writes (logged hand-outs, new issues): the register reads again after them.
  const items = useQuery('exports.issued', {}).data ?? [];
  const write = useMutationCall();
  const [correcting, setCorrecting] = useState<IssuedDocument | null>(null);
  const [reason, setReason] = useState('');
  const exporter = useExport();
  const tz = settings.timeZone;

  const download = (d: IssuedDocument, format: DocumentFormat) =>
    void exporter.run(`${d.id}-${format}`, () => write('exports.issuedFile', { id: d.id, format }));

  function correct() {
    const d = correcting!;
    setCorrecting(null);
    void exporter.run(`${d.id}-correct`, () => write('exports.correct', { id: d.id, format: 'docx', reason }));
  }

  if (!items.length)
    return (
      <Text c="dimmed" data-testid="issued-empty">
        {t('reports.register.empty')}
      </Text>
    );
  return (
    <>
      <Table striped highlightOnHover data-testid="issued-register">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.register.number')}</Table.Th>
            <Table.Th>{t('reports.register.subject')}</Table.Th>
            <Table.Th>{t('reports.register.issued')}</Table.Th>
            <Table.Th>SHA-256</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((d) => (
            <Table.Tr key={d.id} data-testid={`issued-${d.id}`}>
              <Table.Td>
                <Text size="sm">
                  {t(`reports.kind.${d.kind}`)} {t('reports.issue', { year: d.year, seq: d.seq })}
                </Text>
                {d.docNumber && <Text size="xs">{d.docNumber}</Text>}
                {d.correctsId && (
                  <Badge size="xs" color="orange">
                    {t('reports.register.correction')}
                  </Badge>
                )}
                {d.correctedById && (
                  <Badge size="xs" color="gray">
                    {t('reports.register.corrected')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{d.title}</Text>
                {d.periodFrom && (
                  <Text size="xs" c="dimmed">
                    {formatTime(d.periodFrom, tz)} – {formatTime(d.periodTo, tz)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{actorName(d.issuedBy)}</Text>
                <Text size="xs" c="dimmed">
                  {formatTime(d.issuedAt, tz)}
                </Text>
              </Table.Td>
              <Table.Td>
                {d.files.map((f) => (
                  <Tooltip key={f.format} label={f.sha256}>
                    <Text size="xs" ff="monospace">
                      {f.format.toUpperCase()} {f.sha256.slice(0, 16)}…
                    </Text>
                  </Tooltip>
                ))}
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {(['docx', 'pdf'] as const).map((format) => (
                    <Button
                      key={format}
                      size="xs"
                      variant="light"
                      loading={exporter.busy === `${d.id}-${format}`}
                      disabled={exporter.busy !== null}
                      onClick={() => download(d, format)}
                      data-testid={`issued-${d.id}-${format}`}
                    >
                      {format === 'docx' ? 'Word' : 'PDF'}
                    </Button>
                  ))}
                  {!d.correctedById && (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="orange"
                      onClick={() => (setReason(''), setCorrecting(d))}
                      data-testid={`issued-${d.id}-correct`}
                    >
                      {t('reports.register.correct')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={!!correcting} onClose={() => setCorrecting(null)} title={t('reports.register.correctTitle')}>
        <Stack>
          <Text size="sm">{t('reports.register.correctHint')}</Text>
          <TextInput
            label={t('reports.register.reason')}
            required
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="correct-reason"
          />
          <Group justify="flex-end">
            <Button disabled={!reason.trim()} onClick={correct} data-testid="correct-confirm">
              {t('reports.register.correctConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
