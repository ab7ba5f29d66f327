import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { SettingsProvider } from '../../renderer/src/app/settings-context';
import { PlanEditor } from '../../renderer/src/features/plans/PlanEditor';
import { renderUi, withCore } from './render';

/**
 * jsdom lays nothing out; dnd-kit measures rows to find where a dragged one lands. Give each item card
 * a 100 px slot by its position so drag and keyboard moves have geometry to work with.
 */
function layOutRows() {
  return vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const card = this.closest('[data-testid^="editor-item-"]');
    const i = card ? Number(card.getAttribute('data-testid')!.slice('editor-item-'.length)) : 0;
    const top = card ? i * 100 : 0;
    const height = card ? 90 : 0;
    return { x: 0, y: top, top, left: 0, right: 600, bottom: top + height, width: 600, height, toJSON() {} };
  });
}

async function mount() {
  const core = withCore();
  const plan = (await (await core).call('plans.list', {})).find((p) => p.name === '危险化学品事故应急预案')!;
  const before = (await (await core).call('plans.get', { id: plan.id })).doc.levels.IV.map((i) => i.id);
  renderUi(
    <SettingsProvider fallback={<div>loading</div>}>
      <PlanEditor planId={plan.id} onSaved={() => {}} />
    </SettingsProvider>,
  );
  await screen.findByTestId('item-drag-0');
  return { core, plan, before };
}

async function savedOrder(core: Awaited<ReturnType<typeof mount>>['core'], id: number) {
  fireEvent.click(screen.getByTestId('plan-save'));
  let order: string[] = [];
  await waitFor(async () => {
    const p = await (await core).call('plans.get', { id });
    // One version past the seeded one (the samples are at 2 since migration 070 marked their items).
    expect(p.version).toBe(3);
    order = p.doc.levels.IV.map((i) => i.id);
  });
  return order;
}

describe('PlanEditor item order', { timeout: 40_000 }, () => {
  let rects: ReturnType<typeof layOutRows>;
  beforeEach(() => {
    rects = layOutRows();
  });
  afterEach(() => rects.mockRestore());

  it('moves an item down by keyboard on its grip (Space, ↓, Space) and saves that order', async () => {
    const { core, plan, before } = await mount();
    expect(before.length).toBeGreaterThan(2);
    const grip = screen.getByTestId('item-drag-0');
    grip.focus();
    // dnd-kit starts listening for the moving keys a tick after the pick-up.
    const tick = () => act(() => new Promise((r) => setTimeout(r, 50)));
    fireEvent.keyDown(grip, { code: 'Space', key: ' ' });
    await tick();
    fireEvent.keyDown(document, { code: 'ArrowDown', key: 'ArrowDown' });
    await tick();
    fireEvent.keyDown(document, { code: 'Space', key: ' ' });
    await waitFor(() => expect((screen.getByTestId('item-id-1') as HTMLInputElement).value).toBe(before[0]));
    expect(await savedOrder(core, plan.id)).toEqual([before[1], before[0], ...before.slice(2)]);
  });

  it('moves an item by dragging its grip with the pointer and saves that order', async () => {
    const { core, plan, before } = await mount();
    const grip = screen.getByTestId('item-drag-0');
    fireEvent.pointerDown(grip, { clientX: 10, clientY: 40, button: 0, isPrimary: true });
    await act(async () => {
      fireEvent.pointerMove(document, { clientX: 10, clientY: 60, isPrimary: true });
      fireEvent.pointerMove(document, { clientX: 10, clientY: 245, isPrimary: true });
      await new Promise((r) => setTimeout(r, 50));
    });
    fireEvent.pointerUp(document, { clientX: 10, clientY: 245, isPrimary: true });
    await waitFor(() => expect((screen.getByTestId('item-id-2') as HTMLInputElement).value).toBe(before[0]));
    expect(await savedOrder(core, plan.id)).toEqual([before[1], before[2], before[0], ...before.slice(3)]);
  });

  it('still moves with the up button, and shows a translated inline error keeping the text', async () => {
    const { core, plan, before } = await mount();
    fireEvent.click(screen.getByTestId('item-up-1'));
    const action = screen.getByTestId('item-action-0') as HTMLInputElement;
    fireEvent.change(action, { target: { value: '   ' } });
    fireEvent.click(screen.getByTestId('plan-save'));
    expect(await screen.findByText('此项必填。')).toBeTruthy();
    expect(action.value).toBe('   ');
    expect((await (await core).call('plans.get', { id: plan.id })).version).toBe(plan.version); // nothing saved
    fireEvent.change(action, { target: { value: '核实现场情况' } });
    const order = await savedOrder(core, plan.id);
    expect(order).toEqual([before[1], before[0], ...before.slice(2)]);
  });
});
