import { Alert, Button, Group, Image, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDatabase, IconSettings } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutationCall } from '../../hooks/useMutationCall';
import { useQuery } from '../../hooks/useQuery';
import { useApiErrors } from '../../hooks/useApiErrors';
import { EMBLEM_URL } from '../../app/AboutDialog';
import { SetupWizard } from './SetupWizard';

/** The first screen of an empty duty room: a two-minute setup, or a demo duty room to try things on. */
export function FirstRun() {
  const { t } = useTranslation();
  const { data } = useQuery('app.isEmpty', {});
  const [seeding, setSeeding] = useState(false);
  const [wizard, setWizard] = useState(false);
  const [demoPin, setDemoPin] = useState<string | null>(null);
  const errors = useApiErrors();
  // Every write refreshes what the console shows (duty header, operator, Now).
  const write = useMutationCall();
  if (demoPin) {
    return (
      <Alert color="green" title={t('setup.demoReady')} data-testid="demo-ready">
        {t('setup.demoReadyText', { pin: demoPin })}
      </Alert>
    );
  }
  // The wizard stays mounted in one place while it fills the database (the duty room stops being empty
  // half-way through); only the welcome panel goes.
  const setup = <SetupWizard opened={wizard} onClose={() => setWizard(false)} />;
  if (!data?.empty)
    return (
      <>
        {false}
        {setup}
      </>
    );

  async function seed() {
    setSeeding(true);
    errors.clear();
    try {
      const s = await write('app.seedDemo', {});
      setDemoPin(s.pin);
    } catch (e) {
      errors.show(e);
    } finally {
      setSeeding(false);
    }
  }

  return (
    <>
      <Paper withBorder p="lg" data-testid="first-run">
        <Group wrap="nowrap" align="flex-start" gap="lg">
          <Image src={EMBLEM_URL} alt="" w={64} h={64} />
          <Stack gap="sm">
            <Title order={3}>{t('setup.welcome')}</Title>
            <Text>{t('setup.welcomeText')}</Text>
            {errors.formError && <Alert color="red">{errors.formError}</Alert>}
            <Group>
              <Button
                leftSection={<IconSettings size={18} />}
                onClick={() => setWizard(true)}
                data-testid="start-setup"
              >
                {t('setup.start')}
              </Button>
              <Button
                variant="light"
                leftSection={<IconDatabase size={18} />}
                loading={seeding}
                onClick={() => void seed()}
                data-testid="seed-demo"
              >
                {t('setup.demo')}
              </Button>
            </Group>
            <Text size="sm" c="dimmed">
              {t('setup.demoHint')}
            </Text>
          </Stack>
        </Group>
      </Paper>
      {setup}
    </>
  );
}
