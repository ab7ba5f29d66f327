import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SettingsProvider } from '../../renderer/src/app/settings-context';
import { IncidentForm } from '../../renderer/src/features/incidents/IncidentForm';
import { renderUi, withCore } from './render';

function mount(onDone = vi.fn()) {
  renderUi(
    <SettingsProvider fallback={<div>loading</div>}>
      <IncidentForm onDone={onDone} onCancel={() => {}} />
    </SettingsProvider>,
  );
  return onDone;
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('IncidentForm', () => {
  it('suggests the level from the casualties, with the rule that triggered it', async () => {
    withCore();
    mount();
    await screen.findByTestId('incident-form');
    fireEvent.change(screen.getByTestId('incident-category'), { target: { value: '事故灾难' } });
    type('incident-casualty-deaths', '4');
    await waitFor(() =>
      expect(screen.getByTestId('grade-suggestion').textContent).toContain('死亡 4 人 → 较大（Ⅲ级）'),
    );
    type('incident-casualty-deaths', '12');
    await waitFor(() => expect(screen.getByTestId('grade-suggestion').textContent).toContain('重大（Ⅱ级）'));
  });

  it('shows translated errors under the empty required fields and keeps what was typed', async () => {
    // Forms default their times to the workstation's now: the core's clock must agree.
    const core = withCore('zh-CN', { start: new Date().toISOString() });
    const onDone = mount();
    await screen.findByTestId('incident-form');
    type('incident-title', '人民广场踩踏');
    fireEvent.click(screen.getByTestId('incident-save'));
    await waitFor(() => expect(screen.getAllByText('此项必填。')).toHaveLength(2));
    expect((screen.getByTestId('incident-title') as HTMLInputElement).value).toBe('人民广场踩踏');
    expect(onDone).not.toHaveBeenCalled();
    expect(core.db.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(0);

    type('incident-place', '人民广场');
    type('incident-summary', '节日人流密集发生踩踏。');
    fireEvent.click(screen.getByTestId('incident-save'));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(core.db.prepare('SELECT title FROM incidents').pluck().get()).toBe('人民广场踩踏');
  });
});
