import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { SettingsProvider } from '../../renderer/src/app/settings-context';
import { IncidentDetail } from '../../renderer/src/features/incidents/IncidentDetail';
import type { Language } from '../../electron/core/contract';
import { chemicalFire } from '../core/fixtures';
import { renderUi, withCore } from './render';

/** A real incident (amended once: deaths and place) shown in the detail pane with a real core behind it. */
async function mountIncident(language: Language = 'zh-CN', opts: { draft?: boolean; instruction?: boolean } = {}) {
  const core = withCore(language, { start: new Date().toISOString() });
  // The language the officer chose in Settings is the one the console speaks.
  if (language !== 'zh-CN') await (await core).call('settings.update', { language });
  const now = Date.now();
  const inc = await (
    await core
  ).call(
    'incidents.create',
    chemicalFire({
      occurredAt: new Date(now - 20 * 60_000).toISOString(),
      receivedAt: new Date(now - 10 * 60_000).toISOString(),
    }),
  );
  await (
    await core
  ).call('incidents.amend', {
    id: inc.id,
    expectedVersion: 1,
    reason: '消防支队续报伤亡',
    changes: { casualties: { ...inc.casualties, deaths: 4 }, place: '大江化工园区纬三路20号' },
  });
  if (opts.draft) await (await core).call('reports.draft', { incidentId: inc.id, kind: 'initial' });
  if (opts.instruction)
    await (
      await core
    ).call('instructions.create', {
      incidentId: inc.id,
      leader: '李市长',
      givenAt: new Date(now - 5 * 60_000).toISOString(),
      text: '全力搜救被困人员。',
    });
  renderUi(
    <SettingsProvider fallback={<div>loading</div>}>
      <IncidentDetail id={inc.id} />
    </SettingsProvider>,
  );
  await screen.findByTestId('incident-detail');
  return { core, inc };
}

const type = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe('incident detail panels', () => {
  it.each([
    ['zh-CN', ['事发地点', '死亡'], '、'],
    ['en', ['Place', 'Deaths'], ', '],
  ] as const)('names the amended fields in the timeline in %s, never as paths', async (language, words, sep) => {
    await mountIncident(language);
    const amended = await waitFor(() => {
      const el = screen.getByTestId('timeline').querySelector('[data-kind="amended"]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(amended.textContent).toContain(words.join(sep));
    expect(screen.getByTestId('timeline').textContent).not.toMatch(/casualties\.|place/);
  });

  it('shows every empty send field at once, sends nothing, and one toast however often it is pressed', async () => {
    const { core } = await mountIncident('zh-CN', { draft: true });
    fireEvent.click(screen.getByTestId('tab-reports'));
    const draft = await screen.findByTestId('report-draft-initial');
    type(within(draft).getByTestId('report-recipient'), '');
    type(within(draft).getByTestId('report-leader'), '');
    type(within(draft).getByTestId('report-sender'), '');
    fireEvent.click(within(draft).getByTestId('report-send'));
    // Recipient, approving leader and sender: all three under their fields together, not one by one.
    await waitFor(() => expect(within(draft).getAllByText('此项必填。')).toHaveLength(3));
    fireEvent.click(within(draft).getByTestId('report-send'));
    fireEvent.click(within(draft).getByTestId('report-send'));
    // The summary beside the form and one toast, not a toast per press.
    await waitFor(() => expect(screen.getAllByText('填写的内容有误，请按提示修改。')).toHaveLength(2));
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.getAllByText('填写的内容有误，请按提示修改。')).toHaveLength(2);
    expect((await core).db.prepare("SELECT count(*) FROM reports WHERE status = 'sent'").pluck().get()).toBe(0);
    // What was typed stays. The loss is unknown: the core asks for the leader's override, whose two
    // fields are then checked by the same schema, both at once.
    type(within(draft).getByTestId('report-recipient'), '省政府总值班室');
    type(within(draft).getByTestId('report-leader'), '王建国');
    type(within(draft).getByTestId('report-sender'), '张伟');
    fireEvent.click(within(draft).getByTestId('report-send'));
    const override = await within(draft).findByTestId('report-override');
    fireEvent.click(within(draft).getByTestId('report-send'));
    await waitFor(() => expect(within(override).getAllByText('此项必填。')).toHaveLength(2));
    expect((await core).db.prepare("SELECT count(*) FROM reports WHERE status = 'sent'").pluck().get()).toBe(0);
    type(within(override).getByTestId('report-override-leader'), '王建国');
    type(within(override).getByTestId('report-override-reason'), '损失正在核实');
    fireEvent.click(within(draft).getByTestId('report-send'));
    await waitFor(async () =>
      expect((await core).db.prepare("SELECT recipient_unit FROM reports WHERE status = 'sent'").pluck().get()).toBe(
        '省政府总值班室',
      ),
    );
  });

  it('checks a new instruction before sending it: both empty fields at once, then saved and cleared', async () => {
    const { core } = await mountIncident();
    fireEvent.click(screen.getByTestId('tab-instructions'));
    const form = await screen.findByTestId('instruction-form');
    fireEvent.click(within(form).getByTestId('instruction-save'));
    await waitFor(() => expect(within(form).getAllByText('此项必填。')).toHaveLength(2));
    expect((await core).db.prepare('SELECT count(*) FROM instructions').pluck().get()).toBe(0);
    type(within(form).getByTestId('instruction-leader'), '李市长');
    type(within(form).getByTestId('instruction-text'), '全力搜救被困人员，防止次生灾害。');
    fireEvent.click(within(form).getByTestId('instruction-save'));
    await waitFor(async () =>
      expect((await core).db.prepare('SELECT leader FROM instructions').pluck().get()).toBe('李市长'),
    );
    await waitFor(() => expect((within(form).getByTestId('instruction-leader') as HTMLInputElement).value).toBe(''));
  });

  it('asks whom a relay went to in words before sending it, then records it', async () => {
    const { core } = await mountIncident('zh-CN', { instruction: true });
    fireEvent.click(screen.getByTestId('tab-instructions'));
    fireEvent.click(await screen.findByTestId('instruction-action-save'));
    // The contract's own rule, worded as the core words it (never the schema's raw message).
    expect(await screen.findByText('传达须写明传达对象。')).toBeTruthy();
    expect((await core).db.prepare('SELECT count(*) FROM instruction_actions').pluck().get()).toBe(0);
    type(screen.getByTestId('instruction-action-party'), '市消防救援支队');
    fireEvent.click(screen.getByTestId('instruction-action-save'));
    await screen.findByTestId('instruction-action-relay');
  });
});
