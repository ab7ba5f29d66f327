import { seatEventSchema, type SeatEvent } from '@contract';

const TOKEN_KEY = 'duty-room-token';
const RETRY_MS = 1000;

/** A payload from the bridge or the stream, used only when it is a seat event the contract knows. */
function checked(payload: unknown): SeatEvent | null {
  const r = seatEventSchema.safeParse(payload);
  return r.success ? r.data : null;
}

/**
 * The seat's events, from whichever host runs the page: Electron's preload (relayed from the core
 * process), or the web host's /events stream. Returns the unsubscribe.
 */
export function subscribeSeatEvents(listener: (e: SeatEvent) => void): () => void {
  const bridge = window.dutyRoom;
  if (!bridge) return streamEvents(listener);
  let live = true;
  const off = bridge.onSeatEvent((p) => {
    const e = checked(p);
    if (e && live) listener(e);
  });
  void bridge.seatState().then((p) => {
    const e = checked(p);
    if (e && live) listener(e);
  });
  return () => {
    live = false;
    off();
  };
}

/**
 * The web host's Server-Sent Events read with fetch (EventSource cannot send the token header the API
 * requires). A stream that breaks (the host restarted, the laptop slept) is opened again after a second;
 * meanwhile the page shows the link lost, and once back it refetches everything it missed.
 */
function streamEvents(listener: (e: SeatEvent) => void): () => void {
  const abort = new AbortController();
  let shared = false;
  let opened = false;
  const emit = (e: SeatEvent) => {
    if (e.type === 'connection') shared = e.shared;
    listener(e);
  };
  const run = async (): Promise<void> => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    try {
      const res = await fetch('/events', {
        headers: token ? { 'X-Duty-Room-Token': token } : {},
        credentials: 'same-origin',
        signal: abort.signal,
      });
      if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
      if (opened) emit({ type: 'change', topics: ['all'] });
      opened = true;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block
            .split('\n')
            .filter((l) => l.startsWith('data: '))
            .map((l) => l.slice(6))
            .join('\n');
          if (!data) continue; // a keepalive comment
          let e: SeatEvent | null = null;
          try {
            e = checked(JSON.parse(data));
          } catch {
            e = null;
          }
          if (e) emit(e);
        }
      }
    } catch {
      // falls through to the retry below
    }
    if (abort.signal.aborted) return;
    emit({ type: 'connection', shared, state: 'lost', since: new Date().toISOString() });
    setTimeout(() => void run(), RETRY_MS);
  };
  void run();
  return () => abort.abort();
}
