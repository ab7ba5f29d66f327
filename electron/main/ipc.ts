import { BrowserWindow, dialog, ipcMain } from 'electron';
import { writeFile } from 'node:fs/promises';
import { INVOKE_CHANNEL, SAVE_CHANNEL } from '../core/contract';
import type { ApiService } from '../core/contract/service';
import { isTrustedUrl } from './window';

function trusted(event: Electron.IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return !!url && isTrustedUrl(url);
}

/** One handler for the whole API; the service parses every payload with the contract's schema. */
export function wireIpc(service: ApiService): void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!trusted(event)) return { ok: false, error: { code: 'unauthorized' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'unknown_method' } };
    return service.invokeRaw(method, input);
  });

  // Exports are produced by the service; only the choice of file is native.
  ipcMain.handle(SAVE_CHANNEL, async (event, fileName: unknown, base64: unknown) => {
    if (!trusted(event) || typeof fileName !== 'string' || typeof base64 !== 'string') return { saved: false };
    const win = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    const options = { defaultPath: fileName.replace(/[\\/:*?"<>|]/g, '_') };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    await writeFile(choice.filePath, Buffer.from(base64, 'base64'));
    return { saved: true, path: choice.filePath };
  });
}
