import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SettingsProvider } from '../../renderer/src/app/settings-context';
import { IncidentForm } from '../../renderer/src/features/incidents/IncidentForm';
import { renderUi, withCore } from './render';

function mount(onDone = vi.fn(), onCancel = vi.fn()) {
  renderUi(
    <SettingsProvider fallback={<div>loading</div>}>
      <IncidentForm onDone={onDone} onCancel={onCancel} />
    </SettingsProvider>,
  );
  return onDone;
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe('IncidentForm', () => {
  it('suggests the level from the casualties, with the rule that triggered it', async () => {
    await withCore();
    mount();
    await screen.findByTestId('incident-form');
    fireEvent.change(screen.getByTestId('incident-category'), { target: { value: '事故灾难' } });
    type('incident-casualty-deaths', '4');
    await waitFor(() =>
      expect(screen.getByTestId('grade-suggestion').textContent).toContain('死亡 4 人 ≥ 3 → 较大（Ⅲ级）'),
    );
    type('incident-casualty-deaths', '12');
    await waitFor(() => expect(screen.getByTestId('grade-suggestion').textContent).toContain('重大（Ⅱ级）'));
  });

  it('counts missing with deaths, says the suggestion will be applied and which clock then runs', async () => {
    await withCore();
    mount();
    await screen.findByTestId('incident-form');
    type('incident-casualty-deaths', '2');
    type('incident-casualty-missing', '3');
    await waitFor(() =>
      expect(screen.getByTestId('grade-suggestion').textContent).toContain(
        '死亡 2 人、失踪 3 人，合计 5 人 ≥ 3 → 较大（Ⅲ级）',
      ),
    );
    expect(screen.getByTestId('grade-will-apply').textContent).toContain('较大（Ⅲ级）');
    await waitFor(() => expect(screen.getByTestId('clock-note').textContent).toContain('电话 30 分钟，书面 2 小时'));
    // Below 较大 it stays 未定级, on the 较大 clock all the same, and says so.
    type('incident-casualty-missing', '0');
    await waitFor(() => expect(screen.queryByTestId('grade-will-apply')).toBeNull());
    expect(screen.getByTestId('clock-note').textContent).toContain('未定级，按较大时限，不按一般');
  });

  it('shows an error for a negative or non-numeric count instead of a silent 0, and sends nothing', async () => {
    const core = await withCore('zh-CN', { start: new Date().toISOString() });
    const onDone = mount();
    await screen.findByTestId('incident-form');
    type('incident-title', '滨海西路仓库爆炸');
    type('incident-place', '滨海西路');
    type('incident-summary', '仓库爆炸起火。');
    type('incident-casualty-deaths', '-2');
    await screen.findByText('请填写 0 或正整数（人数）。');
    expect((screen.getByTestId('incident-casualty-deaths') as HTMLInputElement).value).toBe('-2');
    type('incident-casualty-injured', '三');
    await waitFor(() => expect(screen.getAllByText('请填写 0 或正整数（人数）。')).toHaveLength(2));
    fireEvent.click(screen.getByTestId('incident-save'));
    await new Promise((r) => setTimeout(r, 200));
    expect(onDone).not.toHaveBeenCalled();
    expect(core.db.prepare('SELECT count(*) FROM incidents').pluck().get()).toBe(0);
    type('incident-casualty-deaths', '2');
    type('incident-casualty-injured', '3');
    fireEvent.click(screen.getByTestId('incident-save'));
    await waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(core.db.prepare("SELECT json_extract(facts, '$.casualties.injured') FROM incidents").pluck().get()).toBe(3);
  });

  it('shows translated errors under the empty required fields and keeps what was typed', async () => {
    // Forms default their times to the workstation's now: the core's clock must agree.
    const core = await withCore('zh-CN', { start: new Date().toISOString() });
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

  it('asks in a modal (never window.confirm) before Esc discards what was typed', async () => {
    await withCore();
    const nativeConfirm = vi.spyOn(window, 'confirm').mockReturnValue(true);
    const onCancel = vi.fn();
    mount(vi.fn(), onCancel);
    await screen.findByTestId('incident-form');
    type('incident-title', '人民广场踩踏');
    fireEvent.keyDown(screen.getByTestId('incident-title'), { key: 'Escape' });
    expect(await screen.findByText('放弃尚未保存的内容吗？')).toBeTruthy();
    fireEvent.click(screen.getByTestId('confirm-no'));
    await waitFor(() => expect(screen.queryByText('放弃尚未保存的内容吗？')).toBeNull());
    expect(onCancel).not.toHaveBeenCalled();
    expect((screen.getByTestId('incident-title') as HTMLInputElement).value).toBe('人民广场踩踏');
    fireEvent.keyDown(screen.getByTestId('incident-title'), { key: 'Escape' });
    fireEvent.click(await screen.findByTestId('confirm-yes'));
    await waitFor(() => expect(onCancel).toHaveBeenCalledOnce());
    expect(nativeConfirm).not.toHaveBeenCalled();
    nativeConfirm.mockRestore();
  });
});
