import { describeFailure, openCore, type Core, type OpenCoreOptions } from '../core/open-core';
import { Endpoint, type CoreOps, type HostOps, type Message } from './protocol';

/**
 * The core process's side: opens the core on request, with a PDF printer that asks main to print
 * (printToPDF needs a BrowserWindow, which only main has), and answers API calls until told to close.
 */
export function serveCore(
  send: (m: Message) => void,
  opts: { exit(): void; clock?: OpenCoreOptions['clock'] },
): Endpoint<HostOps, CoreOps> {
  let core: Core | null = null;
  let stopEvents = () => {};
  const endpoint: Endpoint<HostOps, CoreOps> = new Endpoint<HostOps, CoreOps>(send, {
    open: async ({ dataDir }) => {
      try {
        core ??= await openCore(dataDir, {
          host: true,
          clock: opts.clock,
          pdfPrinter: (html) => endpoint.request('print', { html }),
        });
      } catch (e) {
        // Main shows this in its dialog: one translated line, and the ways out for a damaged file.
        const f = describeFailure(e, dataDir);
        throw new Error(f.recovery ? `${f.line}\n\n${f.recovery}` : f.line, { cause: e });
      }
      stopEvents();
      // Told, not asked: an event main cannot take (closing) is dropped, the next one carries on.
      stopEvents = core.events.subscribe((e) => void endpoint.request('seatEvent', e).catch(() => {}));
      return { dataFile: core.dataFile, seat: core.events.current() };
    },
    invoke: ({ method, input }) =>
      core ? core.service.invokeRaw(method, input) : { ok: false, error: { code: 'internal' } },
    close: async () => {
      stopEvents();
      await core?.close();
      core = null;
      // Exit after the answer has been posted.
      setImmediate(opts.exit);
      return { closed: true };
    },
  });
  return endpoint;
}
