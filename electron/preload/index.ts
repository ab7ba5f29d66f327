import { contextBridge, ipcRenderer } from 'electron';
import { INVOKE_CHANNEL, SAVE_CHANNEL, SAVE_DOWNLOAD_CHANNEL, type DutyRoomBridge } from '../core/contract/channels';

/** The only bridge: invoke(method, input), saveFile and saveDownload. The raw ipcRenderer never reaches the page. */
const bridge: DutyRoomBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, method, input),
  saveFile: (fileName, base64) => ipcRenderer.invoke(SAVE_CHANNEL, fileName, base64),
  saveDownload: (fileName, download) => ipcRenderer.invoke(SAVE_DOWNLOAD_CHANNEL, fileName, download),
};
contextBridge.exposeInMainWorld('dutyRoom', bridge);
