import { Alert, Button, Paper, PasswordInput, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Handover, MethodInput, Person } from '@contract';
import { useSettings } from '../../app/settings-context';
import { useContractForm } from '../../hooks/useContractForm';
import { useMutationCall } from '../../hooks/useMutationCall';
import { formatInstant } from '../roster/format';

type Side = 'outgoing' | 'incoming' | 'review';

/**
 * One signature (or the leader's review): the signer picks their own name and gives their PIN if they
 * have one; the core refuses anyone but the officer named on that side.
 */
export function SignBox(props: {
  handover: Handover;
  side: Side;
  people: Person[];
  /** Saves what the outgoing officer typed before signing, so nothing typed is lost. */
  beforeSign?: () => Promise<Handover>;
}) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const h = props.handover;
  const named = props.side === 'outgoing' ? h.outgoing : props.side === 'incoming' ? h.incoming : h.leader;
  const write = useMutationCall();
  const review = props.side === 'review';
  // Signing and reviewing are checked against their own method's schema.
  const { form, submit, formError } = useContractForm({
    method: (review ? 'handover.review' : 'handover.sign') as 'handover.sign',
    initialValues: { personId: named ? String(named.id) : (null as string | null), pin: '', comment: '' },
    toInput: (v) => {
      const base = { id: h.id, personId: Number(v.personId), ...(v.pin ? { pin: v.pin } : {}) };
      return (review
        ? { ...base, comment: v.comment }
        : { ...base, side: props.side }) as unknown as MethodInput<'handover.sign'>;
    },
  });
  const time = (iso: string) => formatInstant(iso, settings.timeZone, i18n.language);

  const signature =
    props.side === 'outgoing' ? h.outgoingSignature : props.side === 'incoming' ? h.incomingSignature : null;
  const title =
    props.side === 'outgoing'
      ? t('handover.signOutgoing')
      : props.side === 'incoming'
        ? t('handover.signIncoming')
        : t('handover.review');
  const ready =
    props.side === 'outgoing'
      ? h.status === 'draft'
      : props.side === 'incoming'
        ? h.status === 'outgoing_signed'
        : h.status === 'signed';

  const done = signature ? (
    <>
      <Text size="sm" fw={600} c="green.8">
        ✓ {t('handover.signedBy', { name: signature.name, time: time(signature.at) })}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {t('handover.chainHash', { id: signature.auditId, hash: signature.auditHash.slice(0, 16) })}
      </Text>
    </>
  ) : props.side === 'review' && h.review ? (
    <Text size="sm" fw={600} c="green.8">
      ✓ {t('handover.reviewedBy', { name: h.review.name, time: time(h.review.at), comment: h.review.comment })}
    </Text>
  ) : null;

  const candidates = props.people
    .filter((p) => (props.side === 'review' ? p.roles.includes('leader') : true))
    .map((p) => ({ value: String(p.id), label: p.name }));

  return (
    <Paper withBorder p="md" data-testid={`sign-${props.side}`}>
      <Stack gap="xs">
        <Title order={5}>{title}</Title>
        {done}
        {!done && ready && (
          <form
            noValidate
            onSubmit={submit(async (input) => {
              if (props.beforeSign) await props.beforeSign();
              if (review) await write('handover.review', input as unknown as MethodInput<'handover.review'>);
              else await write('handover.sign', input);
            })}
          >
            <Stack gap="xs">
              {formError && <Alert color="red">{formError}</Alert>}
              <Select
                label={props.side === 'review' ? t('handover.reviewer') : t('handover.signAs')}
                data={candidates}
                required
                {...form.getInputProps('personId')}
                data-testid={`sign-${props.side}-person`}
              />
              <PasswordInput label={t('handover.pin')} {...form.getInputProps('pin')} />
              {props.side === 'review' && (
                <Textarea
                  label={t('handover.reviewComment')}
                  required
                  autosize
                  minRows={2}
                  {...form.getInputProps('comment')}
                  data-testid="review-comment"
                />
              )}
              <Button
                type="submit"
                loading={form.submitting}
                disabled={!form.values.personId}
                data-testid={`sign-${props.side}-submit`}
              >
                {props.side === 'review' ? t('handover.review') : t('handover.sign')}
              </Button>
            </Stack>
          </form>
        )}
        {!done && !ready && (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
