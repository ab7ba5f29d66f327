import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { DataProviders } from '../../renderer/src/app/DataProviders';
import { openTestCore, type TestCore } from '../core/helpers';
import { initI18n } from '../../renderer/src/i18n';
import type { Language } from '../../electron/core/contract';

/**
 * Gives the renderer a real core behind the same bridge shape the Electron preload exposes, so
 * component tests exercise real validation and storage.
 */
export async function withCore(language: Language = 'zh-CN', opts: { start?: string } = {}): Promise<TestCore> {
  const core = await openTestCore(opts);
  window.dutyRoom = {
    invoke: (method, input) => core.service.invokeRaw(method, input),
    saveFile: async () => ({ saved: true }),
    saveDownload: async () => ({ saved: true }),
    onSeatEvent: (listener) => core.service.subscribe(listener),
    seatState: async () => core.service.current(),
  };
  initI18n(language);
  return core;
}

export function renderUi(ui: ReactNode): RenderResult {
  return render(
    <MantineProvider>
      <Notifications />
      <DataProviders>{ui}</DataProviders>
    </MantineProvider>,
  );
}
