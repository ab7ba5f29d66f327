import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SettingsProvider } from '../../renderer/src/app/settings-context';
import { LogOptions } from '../../renderer/src/features/documents/LogOptions';
import { startOperation } from '../../electron/core/app/progress';
import { importIncidents } from '../../electron/core/incidents/import-file';
import { chemicalFire } from '../core/fixtures';
import { renderUi, withCore } from './render';

const at = (i: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString();

describe('progress of a long export', () => {
  it('shows a bar from the click, the rows written as the core reports them, and takes it away when the file is ready', async () => {
    const core = await withCore('zh-CN', { start: '2026-11-23T02:00:00Z' });
    await importIncidents(
      core.service.ctx,
      Array.from({ length: 30 }, (_, i) =>
        JSON.stringify(chemicalFire({ title: `历史事件${i}`, occurredAt: at(i), receivedAt: at(i) })),
      ),
    );
    // A year's export runs for many seconds; here the export's answer is held until the test has seen
    // the bar, so the check does not depend on how fast this machine writes (the core's own progress
    // while exporting is covered by tests/core/documents-log-stream.test.ts).
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const bridge = window.dutyRoom!;
    const invoke = bridge.invoke;
    bridge.invoke = async (method, input) => {
      if (method !== 'exports.log') return invoke(method, input);
      const answer = await invoke(method, input);
      await held;
      return answer;
    };
    renderUi(
      <SettingsProvider fallback={<div>loading</div>}>
        <LogOptions today="2026-11-23" />
      </SettingsProvider>,
    );
    fireEvent.change(await screen.findByTestId('log-from'), { target: { value: '2025-01-01' } });
    fireEvent.change(screen.getByTestId('log-to'), { target: { value: '2025-01-10' } });
    expect(screen.queryByTestId('operation-progress')).toBeNull();
    fireEvent.click(screen.getByTestId('export-csv'));

    const bar = await screen.findByTestId('operation-progress');
    expect(bar.querySelector('[role="progressbar"]')).not.toBeNull();
    // One export at a time: the other format waits until this one is saved.
    const xlsx = screen.getByTestId('export-xlsx') as HTMLButtonElement;
    expect(xlsx.disabled).toBe(true);
    // What the core answers app.progress with during a big export: the bar follows its numbers.
    const op = startOperation(core.service.ctx, 'export.log', 12000);
    op.update(3000);
    await waitFor(() => expect(bar.textContent).toBe('正在导出值班日志：已写 3,000 / 12,000 条（25%）'));
    op.end();
    release();
    // Done: the bar goes and the officer is told the file is saved.
    await waitFor(() => expect(screen.queryByTestId('operation-progress')).toBeNull());
    expect(await screen.findByText('值班日志_2025-01-01_2025-01-10.csv')).toBeTruthy();
    expect(xlsx.disabled).toBe(false);
  }, 30_000);
});
