import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SettingsProvider } from '../../renderer/src/app/settings-context';
import { ChecklistPanel } from '../../renderer/src/features/plans';
import { chemicalFire } from '../core/fixtures';
import { renderUi, withCore } from './render';

async function setUp() {
  const core = withCore();
  // The panel counts down against the real time, so the core's clock follows it.
  (
    await // The panel counts down against the real time, so the core's clock follows it.
    core
  ).clock.set(new Date());
  const incident = await (
    await core
  ).call('incidents.create', {
    ...chemicalFire(),
    occurredAt: new Date(Date.now() - 20 * 60_000).toISOString(),
    receivedAt: new Date(Date.now() - 10 * 60_000).toISOString(),
  });
  const plan = (await (await core).call('plans.list', {})).find((p) => p.name === '危险化学品事故应急预案')!;
  const activation = await (
    await core
  ).call('activations.start', {
    incidentId: incident.id,
    planId: plan.id,
    level: 'IV',
    orderedBy: '应急局局长',
  });
  renderUi(
    <SettingsProvider fallback={<div>loading</div>}>
      <ChecklistPanel activationId={activation.id} />
    </SettingsProvider>,
  );
  await screen.findByTestId('checklist-panel');
  return { core, activation };
}

describe('ChecklistPanel', () => {
  it('ticks an item and shows who did it', async () => {
    const { core, activation } = await setUp();
    fireEvent.click(screen.getByTestId('tick-verify'));
    await waitFor(() => expect(screen.getByTestId('checklist-row-verify').getAttribute('data-state')).toMatch(/^done/));
    const stored = await (await core).call('activations.get', { id: activation.id });
    expect(stored.items.find((i) => i.key === 'verify')!.done).not.toBeNull();
  });

  it("tells the second officer 'already done by X at T' and refreshes the list", async () => {
    const { core, activation } = await setUp();
    const item = activation.items.find((i) => i.key === 'verify')!;
    await (await core).call('checklist.tick', { itemId: item.id, by: '张主班' });
    fireEvent.click(screen.getByTestId('tick-verify'));
    expect(await screen.findByText(/该事项已由 张主班 于 .* 办结/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('tick-verify')).toBeNull());
  });
});
