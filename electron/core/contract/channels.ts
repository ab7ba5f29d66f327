/** Electron IPC channels: one for the whole API, one for events from main, one for native save. */
export const INVOKE_CHANNEL = 'duty-room:invoke';
export const EVENT_CHANNEL = 'duty-room:event';
export const SAVE_CHANNEL = 'duty-room:save';

/** What the preload exposes as window.dutyRoom. */
export interface DutyRoomBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  saveFile(fileName: string, base64: string): Promise<{ saved: boolean; path?: string }>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}
