import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeatCheck } from '@contract';
import { call } from '../../api/client';
import { useApiErrors } from '../../hooks/useApiErrors';
import { useQuery } from '../../hooks/useQuery';

/**
 * 共享数据库: where this seat's record is, and switching it to a shared PostgreSQL database. 测试连接
 * only tests (server, login, schema, write privilege); 切换 tests again and writes the data folder's
 * seat.json, which the app reads at start — so the officer is told plainly to restart. The password is
 * never shown or asked for here: it belongs in ~/.pgpass or PGPASSWORD on this machine.
 */
export function SharedDatabasePanel() {
  const { t } = useTranslation();
  const seat = useQuery('seat.current', {}).data;
  const [url, setUrl] = useState('');
  const [checked, setChecked] = useState<SeatCheck | null>(null);
  const [switched, setSwitched] = useState(false);
  const [busy, setBusy] = useState<'test' | 'switch' | null>(null);
  const errors = useApiErrors();

  async function run(kind: 'test' | 'switch') {
    setBusy(kind);
    setChecked(null);
    errors.clear();
    try {
      // Neither changes the record: plain calls, nothing to invalidate (the switch takes effect at restart).
      setChecked(await call(kind === 'test' ? 'seat.test' : 'seat.switch', { url }));
      if (kind === 'switch') setSwitched(true);
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="shared-database">
      <Stack>
        <Title order={4}>{t('seat.title')}</Title>
        {seat && (
          <Group gap="xs">
            <Text size="sm">{t('seat.mode')}:</Text>
            {seat.mode === 'local' ? (
              <Badge variant="light">{t('seat.local')}</Badge>
            ) : (
              <>
                <Badge variant="light" color="teal">
                  {t('seat.shared')}
                </Badge>
                <Text size="sm" data-testid="seat-place">
                  {t('seat.place', { host: seat.host, port: seat.port, database: seat.database, user: seat.user })}
                </Text>
              </>
            )}
          </Group>
        )}
        <Text size="sm" c="dimmed">
          {t('seat.hint')}
        </Text>
        <TextInput
          label={t('seat.url')}
          placeholder="postgres://seat_zhuban@db.duty.local:5432/duty_room?sslmode=verify-full"
          value={url}
          onChange={(e) => {
            setUrl(e.currentTarget.value);
            setChecked(null);
          }}
          error={errors.fieldErrors.url}
          data-testid="seat-url"
        />
        <Text size="xs" c="dimmed">
          {t('seat.password')}
        </Text>
        <Group>
          <Button
            variant="light"
            loading={busy === 'test'}
            disabled={!url.trim() || busy !== null}
            onClick={() => void run('test')}
            data-testid="seat-test"
          >
            {t('seat.test')}
          </Button>
          <Button
            loading={busy === 'switch'}
            disabled={!checked || switched || busy !== null}
            onClick={() => void run('switch')}
            data-testid="seat-switch"
          >
            {t('seat.switch')}
          </Button>
        </Group>
        {errors.formError && (
          <Alert color="red" data-testid="seat-error">
            {errors.formError}
          </Alert>
        )}
        {checked && !switched && (
          <Alert color="green" data-testid="seat-ok">
            {t('seat.ok', {
              host: checked.host,
              port: checked.port,
              database: checked.database,
              user: checked.user,
              server: checked.serverVersion,
            })}{' '}
            {checked.schemaVersion < checked.appSchemaVersion ? t('seat.willMigrate') : ''}
          </Alert>
        )}
        {switched && (
          <Alert color="orange" title={t('seat.restartTitle')} data-testid="seat-restart">
            {t('seat.restart')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
