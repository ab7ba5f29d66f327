import { Alert, Box, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconFileText, IconFileTypeDocx, IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportPreview } from '@contract';

/**
 * The document as it will print: the very HTML the PDF is made from, in an iframe (A4 sheets, GB/T 9704),
 * with the export buttons under it (ui.md "Documents"). Not yet issued, Word/PDF issue it (number, stored
 * file, audit entry); once issued they hand out the stored file. "样稿" exports a draft that never issues.
 */
export function DocumentPreview(props: {
  preview: ExportPreview | null;
  loading: boolean;
  error: string | null;
  busy: string | null;
  onExport: (format: 'docx' | 'pdf', print: () => void) => void;
  onDraft: () => void;
}) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const print = () => frame.current?.contentWindow?.print();
  const { preview } = props;
  const issued = !!preview?.issued;
  return (
    <Stack gap="sm" style={{ flex: 1, minWidth: 0 }}>
      {props.error && (
        <Alert color="red" data-testid="preview-error">
          {props.error}
        </Alert>
      )}
      {preview?.missingSections.length ? (
        <Alert color="yellow" data-testid="missing-sections">
          {t('reports.missingSections', {
            sections: preview.missingSections.map((s) => t(`reports.missing.${s}`)).join(t('reports.listSeparator')),
          })}
        </Alert>
      ) : null}
      <Box pos="relative" h="calc(100vh - 270px)" style={{ border: '1px solid var(--mantine-color-default-border)' }}>
        {props.loading && <Loader pos="absolute" top={16} right={16} size="sm" />}
        {preview ? (
          <iframe
            ref={frame}
            title={t('reports.previewTitle')}
            srcDoc={preview.html}
            // The document is data: no scripts run in it; same-origin only so the parent can print it.
            sandbox="allow-same-origin allow-modals"
            data-testid="report-preview"
            style={{ width: '100%', height: '100%', border: 0 }}
          />
        ) : (
          <Text c="dimmed" p="md">
            {t('reports.nothingToPreview')}
          </Text>
        )}
      </Box>
      <Group>
        <Button
          leftSection={<IconFileTypeDocx size={18} />}
          disabled={!preview || props.busy !== null}
          loading={props.busy === 'docx'}
          onClick={() => props.onExport('docx', print)}
          data-testid="export-docx"
        >
          {t(issued ? 'reports.downloadDocx' : 'reports.issueDocx')}
        </Button>
        <Button
          leftSection={<IconFileTypePdf size={18} />}
          disabled={!preview || props.busy !== null}
          loading={props.busy === 'pdf'}
          onClick={() => props.onExport('pdf', print)}
          data-testid="export-pdf"
        >
          {t(issued ? 'reports.downloadPdf' : 'reports.issuePdf')}
        </Button>
        {!issued && (
          <Button
            variant="default"
            leftSection={<IconFileText size={18} />}
            disabled={!preview || props.busy !== null}
            loading={props.busy === 'draft'}
            onClick={props.onDraft}
            data-testid="export-draft"
          >
            {t('reports.exportDraft')}
          </Button>
        )}
        <Button variant="default" leftSection={<IconPrinter size={18} />} disabled={!preview} onClick={print}>
          {t('reports.print')}
        </Button>
      </Group>
    </Stack>
  );
}
