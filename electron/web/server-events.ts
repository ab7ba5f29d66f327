import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SeatEvent, SeatEvents } from '../core/contract/changes';

/** The path of the push stream; authorised like the API (the token header only). */
export const EVENTS_PATH = '/events';
/** A comment line now and then, so proxies and the browser keep an idle stream open. */
const KEEPALIVE_MS = 15_000;

/**
 * The web host's side of live seats: a Server-Sent Events stream of the core's seat events (what changed,
 * the link to a shared database). The page reads it with fetch (not EventSource, which cannot send the
 * token header) and reconnects when it ends. `close()` ends every open stream, so the host can stop.
 */
export function seatEventStreams(events: SeatEvents) {
  const open = new Set<ServerResponse>();
  const write = (res: ServerResponse, e: SeatEvent) => res.write(`data: ${JSON.stringify(e)}\n\n`);
  return {
    serve(req: IncomingMessage, res: ServerResponse): void {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      write(res, events.current());
      const stop = events.subscribe((e) => write(res, e));
      const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
      open.add(res);
      const end = () => {
        clearInterval(keepalive);
        stop();
        open.delete(res);
      };
      req.on('close', end);
      res.on('close', end);
    },
    close(): void {
      for (const res of [...open]) res.end();
    },
  };
}
