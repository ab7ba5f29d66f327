/** Electron IPC channels: one for the whole API, one for native save. */
export const INVOKE_CHANNEL = 'duty-room:invoke';
export const SAVE_CHANNEL = 'duty-room:save';
/** Saves a prepared download (a big export written beside the database) where the save dialog says. */
export const SAVE_DOWNLOAD_CHANNEL = 'duty-room:save-download';
/** Main → page: one SeatEvent (what changed, the shared database's link). */
export const SEAT_EVENT_CHANNEL = 'duty-room:seat-event';
/** Page → main: the seat's state now (the first event for a page that loads later). */
export const SEAT_STATE_CHANNEL = 'duty-room:seat-state';

/**
 * What the preload exposes as window.dutyRoom. Screens read through invoke and refresh after their own
 * writes; the seat events tell them what changed elsewhere (another seat on a shared database, a
 * CLI import), so they refresh that too. Event payloads are plain data, checked by the page
 * (seatEventSchema) before use.
 */
export interface DutyRoomBridge {
  invoke(method: string, input: unknown): Promise<unknown>;
  saveFile(fileName: string, base64: string): Promise<{ saved: boolean; path?: string }>;
  saveDownload(fileName: string, download: string): Promise<{ saved: boolean; path?: string }>;
  /** Calls `listener` with each seat event's payload; returns the unsubscribe. */
  onSeatEvent(listener: (payload: unknown) => void): () => void;
  seatState(): Promise<unknown>;
}
