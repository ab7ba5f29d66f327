import { BrowserWindow, dialog, ipcMain } from 'electron';
import { copyFile, writeFile } from 'node:fs/promises';
import {
  INVOKE_CHANNEL,
  SAVE_CHANNEL,
  SAVE_DOWNLOAD_CHANNEL,
  SEAT_EVENT_CHANNEL,
  SEAT_STATE_CHANNEL,
  type SeatEvents,
} from '../core/contract';
import { downloadPath } from '../core/data-dir';
import type { ApiService } from '../core/contract/service';
import { isTrustedUrl } from './window';

function trusted(event: Electron.IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return !!url && isTrustedUrl(url);
}

/** One handler for the whole API; the service parses every payload with the contract's schema. */
export function wireIpc(service: ApiService, events: SeatEvents, downloadsDir: string): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, method: unknown, input: unknown) => {
    if (!trusted(event)) return { ok: false, error: { code: 'unauthorized' } };
    if (typeof method !== 'string') return { ok: false, error: { code: 'unknown_method' } };
    return service.invokeRaw(method, input);
  });

  // Exports are produced by the service; only the choice of file is native.
  const choose = async (event: Electron.IpcMainInvokeEvent, fileName: string) => {
    const win = BrowserWindow.fromWebContents(event.sender) ?? undefined;
    const options = { defaultPath: fileName.replace(/[\\/:*?"<>|]/g, '_') };
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  };
  ipcMain.handle(SAVE_CHANNEL, async (event, fileName: unknown, base64: unknown) => {
    if (!trusted(event) || typeof fileName !== 'string' || typeof base64 !== 'string') return { saved: false };
    const path = await choose(event, fileName);
    if (!path) return { saved: false };
    await writeFile(path, Buffer.from(base64, 'base64'));
    return { saved: true, path };
  });
  // A big export the core wrote into the downloads folder: copied on disk, never through the page.
  ipcMain.handle(SAVE_DOWNLOAD_CHANNEL, async (event, fileName: unknown, download: unknown) => {
    if (!trusted(event) || typeof fileName !== 'string' || typeof download !== 'string') return { saved: false };
    const from = downloadPath(downloadsDir, download);
    if (!from) return { saved: false };
    const path = await choose(event, fileName);
    if (!path) return { saved: false };
    await copyFile(from, path);
    return { saved: true, path };
  });

  // Seat events go to every window showing the app (never to a page that navigated elsewhere).
  ipcMain.handle(SEAT_STATE_CHANNEL, (event) => (trusted(event) ? events.current() : null));
  return events.subscribe((e) => {
    for (const win of BrowserWindow.getAllWindows()) {
      const url = win.webContents.getURL();
      if (!win.isDestroyed() && url && isTrustedUrl(url)) win.webContents.send(SEAT_EVENT_CHANNEL, e);
    }
  });
}
