import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { SettingsProvider } from '../../renderer/src/app/settings-context';
import { LogOptions } from '../../renderer/src/features/documents/LogOptions';
import { importIncidents } from '../../electron/core/incidents/import-file';
import { chemicalFire } from '../core/fixtures';
import { renderUi, withCore } from './render';

const at = (i: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + i * 60_000).toISOString();

describe('progress of a long export', () => {
  it('shows a bar with rows written while a big log export runs, and takes it away when the file is ready', async () => {
    const core = withCore('zh-CN', { start: '2026-11-23T02:00:00Z' });
    importIncidents(
      core.service.ctx,
      Array.from({ length: 12000 }, (_, i) =>
        JSON.stringify(chemicalFire({ title: `历史事件${i}`, occurredAt: at(i), receivedAt: at(i) })),
      ),
    );
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
    expect(bar.textContent).toMatch(/^正在导出值班日志：已写 [\d,]+ \/ 12,000 条（\d+%）$/);
    expect(bar.querySelector('[role="progressbar"]')).not.toBeNull();
    // Done: the bar goes and the officer is told the file is saved.
    await waitFor(() => expect(screen.queryByTestId('operation-progress')).toBeNull(), { timeout: 20_000 });
    expect(await screen.findByText('值班日志_2025-01-01_2025-01-10.csv')).toBeTruthy();
  }, 30_000);
});
