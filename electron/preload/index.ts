import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, INVOKE_CHANNEL, SAVE_CHANNEL } from '../core/contract/channels';

/**
 * The only bridge: invoke(method, input), on(event, cb) and saveFile. The raw ipcRenderer never
 * reaches the page.
 */
contextBridge.exposeInMainWorld('dutyRoom', {
  invoke: (method: string, input: unknown) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  saveFile: (fileName: string, base64: string) => ipcRenderer.invoke(SAVE_CHANNEL, fileName, base64),
  on: (event: string, cb: (payload: unknown) => void) => {
    const listener = (_e: unknown, name: string, payload: unknown) => {
      if (name === event) cb(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, listener);
  },
});
