import type {} from 'electron'; // types only: process.parentPort exists in an Electron utility process
import type { Message } from './protocol';

/**
 * Entry of the utility process that runs the core, off the window's main process (out/main/core.js).
 * The core (and with it the native SQLite driver) is loaded after the port is listened to, so a driver
 * that fails to load (built for another ABI) is answered back to main, which shows it in a dialog.
 */
const port = process.parentPort;
const early: unknown[] = [];
let receive: (m: unknown) => void = (m) => early.push(m);
port.on('message', (e) => receive(e.data));

import('./serve-core')
  .then(
    ({ serveCore }) => {
      const endpoint = serveCore((m) => port.postMessage(m), { exit: () => process.exit(0) });
      receive = (m) => endpoint.receive(m);
    },
    (e: unknown) => {
      const error = e instanceof Error ? e.message : String(e);
      receive = (m) => {
        const r = m as Message;
        if (r?.type === 'request') port.postMessage({ type: 'response', id: r.id, ok: false, error } satisfies Message);
      };
    },
  )
  .finally(() => early.splice(0).forEach((m) => receive(m)));
