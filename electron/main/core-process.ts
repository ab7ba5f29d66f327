import { utilityProcess } from 'electron';
import { join } from 'node:path';
import type { ApiService } from '../core/contract/service';
import type { SeatEvents } from '../core/contract/changes';
import { Endpoint, remoteService, seatRelay, type CoreOps, type HostOps } from '../utility/protocol';
import { electronPdfPrinter } from './pdf';

export interface CoreProcess {
  service: ApiService;
  /** The core's seat events, relayed from the core process. */
  events: SeatEvents;
  /** Asks the core to close its database, and resolves when the process has exited. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 5000;

/**
 * Runs the core in an Electron utility process (as Actual Budget forks its server), so a verify or a
 * big export never freezes the window. Main keeps only the routing: API calls go over the port, and
 * the core's print requests come back to be printed by a hidden BrowserWindow.
 */
export async function startCoreProcess(dataDir: string): Promise<CoreProcess> {
  const child = utilityProcess.fork(join(__dirname, 'core.js'), [], {
    serviceName: 'Duty Room core',
    stdio: 'inherit',
  });
  const relay = seatRelay();
  const core = new Endpoint<CoreOps, HostOps>((m) => child.postMessage(m), {
    print: ({ html }) => electronPdfPrinter(html),
    seatEvent: (e) => {
      relay.take(e);
      return { heard: true };
    },
  });
  child.on('message', (m) => core.receive(m));
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      core.close(`the core process exited (code ${code})`);
      resolve();
    }),
  );
  const { seat } = await core.request('open', { dataDir });
  relay.take(seat);
  return {
    service: remoteService(core, (msg, e) => console.error(msg, e)),
    events: relay.events,
    async stop() {
      await core.request('close', {}).catch(() => undefined);
      const timer = setTimeout(() => child.kill(), STOP_GRACE_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
