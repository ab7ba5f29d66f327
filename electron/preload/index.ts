import { contextBridge, ipcRenderer } from 'electron';
import {
  INVOKE_CHANNEL,
  SAVE_CHANNEL,
  SAVE_DOWNLOAD_CHANNEL,
  SEAT_EVENT_CHANNEL,
  SEAT_STATE_CHANNEL,
  type DutyRoomBridge,
} from '../core/contract/channels';

/**
 * The only bridge: invoke(method, input), saveFile, saveDownload and the seat events. The raw ipcRenderer
 * never reaches the page, nor does the IPC event object: the listener gets the payload alone.
 */
const bridge: DutyRoomBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  saveFile: (fileName, base64) => ipcRenderer.invoke(SAVE_CHANNEL, fileName, base64),
  saveDownload: (fileName, download) => ipcRenderer.invoke(SAVE_DOWNLOAD_CHANNEL, fileName, download),
  onSeatEvent: (listener) => {
    const relay = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(SEAT_EVENT_CHANNEL, relay);
    return () => void ipcRenderer.off(SEAT_EVENT_CHANNEL, relay);
  },
  seatState: () => ipcRenderer.invoke(SEAT_STATE_CHANNEL),
};
contextBridge.exposeInMainWorld('dutyRoom', bridge);
