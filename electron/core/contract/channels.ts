/** Electron IPC channels: one for the whole API, one for native save. */
export const INVOKE_CHANNEL = 'duty-room:invoke';
export const SAVE_CHANNEL = 'duty-room:save';
/** Saves a prepared download (a big export written beside the database) where the save dialog says. */
export const SAVE_DOWNLOAD_CHANNEL = 'duty-room:save-download';

/**
 * What the preload exposes as window.dutyRoom. There is no event channel: every screen reads through
 * invoke and refreshes after its own writes; a push channel would come with a second seat (see
 * docs/architecture.md), not before.
 */
export interface DutyRoomBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  saveFile(fileName: string, base64: string): Promise<{ saved: boolean; path?: string }>;
  saveDownload(fileName: string, download: string): Promise<{ saved: boolean; path?: string }>;
}
