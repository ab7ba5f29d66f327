import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import i18next from 'i18next';

let open = 0;

/** True while a confirmation is up: form shortcuts (Esc, Ctrl+Enter) must then leave the keys to it. */
export function isConfirmOpen(): boolean {
  return open > 0;
}

/**
 * Asks in a Mantine modal (never window.confirm, which blocks the page and looks foreign) and resolves
 * true on confirm, false on cancel, Esc or closing it.
 */
export function confirmAction(opts: { message: string; confirmLabel?: string; danger?: boolean }): Promise<boolean> {
  return new Promise((resolve) => {
    open += 1;
    let settled = false;
    const finish = (yes: boolean) => {
      if (settled) return;
      settled = true;
      open -= 1;
      resolve(yes);
    };
    modals.openConfirmModal({
      title: i18next.t('confirm.title'),
      children: <Text size="sm">{opts.message}</Text>,
      labels: { confirm: opts.confirmLabel ?? i18next.t('confirm.yes'), cancel: i18next.t('common.cancel') },
      confirmProps: { color: opts.danger ? 'red' : undefined, 'data-testid': 'confirm-yes' },
      cancelProps: { 'data-testid': 'confirm-no' },
      zIndex: 400,
      onConfirm: () => finish(true),
      onCancel: () => finish(false),
      onClose: () => finish(false),
    });
  });
}

/** Esc on a form: leave at once when nothing was typed, else ask before discarding it. */
export function confirmDiscard(dirty: boolean): Promise<boolean> {
  if (!dirty) return Promise.resolve(true);
  return confirmAction({
    message: i18next.t('form.discardConfirm'),
    confirmLabel: i18next.t('confirm.discard'),
    danger: true,
  });
}
