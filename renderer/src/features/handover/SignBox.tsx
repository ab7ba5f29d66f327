import { Alert, Button, Paper, PasswordInput, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Handover, Person } from '@contract';
import { call } from '../../api/client';
import { useSettings } from '../../app/settings-context';
import { useApiErrors } from '../../hooks/useApiErrors';
import { formatInstant } from '../roster/format';

type Side = 'outgoing' | 'incoming' | 'review';

/**
 * One signature (or the leader's review): the signer picks their own name and gives their PIN; the core
 * refuses anyone but the officer named on that side, and anyone without a PIN.
 */
export function SignBox(props: {
  handover: Handover;
  side: Side;
  people: Person[];
  onSigned(h: Handover): void;
  /** Saves what the outgoing officer typed before signing, so nothing typed is lost. */
  beforeSign?: () => Promise<Handover>;
}) {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const h = props.handover;
  const named = props.side === 'outgoing' ? h.outgoing : props.side === 'incoming' ? h.incoming : h.leader;
  // The incoming officer picks their own name: a pre-filled signer would sign by default, not by identity.
  const [personId, setPersonId] = useState<string | null>(named && props.side !== 'incoming' ? String(named.id) : null);
  const [pin, setPin] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useApiErrors();
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

  async function sign() {
    setBusy(true);
    errors.clear();
    try {
      if (props.beforeSign) await props.beforeSign();
      const base = { id: h.id, personId: Number(personId), ...(pin ? { pin } : {}) };
      const next =
        props.side === 'review'
          ? await call('handover.review', { ...base, comment })
          : await call('handover.sign', { ...base, side: props.side });
      props.onSigned(next);
    } catch (e) {
      errors.show(e);
    } finally {
      setBusy(false);
    }
  }

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
            onSubmit={(e) => {
              e.preventDefault();
              void sign();
            }}
          >
            <Stack gap="xs">
              {errors.formError && <Alert color="red">{errors.formError}</Alert>}
              <Select
                label={props.side === 'review' ? t('handover.reviewer') : t('handover.signAs')}
                data={candidates}
                value={personId}
                onChange={setPersonId}
                required
                error={errors.fieldErrors.personId}
                data-testid={`sign-${props.side}-person`}
              />
              <PasswordInput
                label={t('handover.pin')}
                description={t('handover.pinHint')}
                required
                value={pin}
                onChange={(e) => setPin(e.currentTarget.value)}
                error={errors.fieldErrors.pin}
                data-testid={`sign-${props.side}-pin`}
              />
              {props.side === 'review' && (
                <Textarea
                  label={t('handover.reviewComment')}
                  required
                  autosize
                  minRows={2}
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                  error={errors.fieldErrors.comment}
                  data-testid="review-comment"
                />
              )}
              <Button type="submit" loading={busy} disabled={!personId} data-testid={`sign-${props.side}-submit`}>
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
