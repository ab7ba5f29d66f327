import { Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const SHORTCUTS = [
  ['Ctrl + L', 'shortcuts.logCall'],
  ['Ctrl + N', 'shortcuts.newIncident'],
  ['Ctrl + K', 'shortcuts.search'],
  ['Ctrl + Enter', 'shortcuts.saveForm'],
  ['Esc', 'shortcuts.cancel'],
  ['?', 'shortcuts.help'],
] as const;

export function ShortcutHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')}>
      <Table>
        <Table.Tbody>
          {SHORTCUTS.map(([keys, label]) => (
            <Table.Tr key={keys}>
              <Table.Td>
                <Kbd>{keys}</Kbd>
              </Table.Td>
              <Table.Td>{t(label)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
