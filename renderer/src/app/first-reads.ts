import type { QueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName } from '@contract';
import { call } from '../api/client';
import { areaFromHash } from './areas';
import { SETTINGS_QUERY } from './settings-context';

/** The desk's open incidents (在办事件 and the call-linking menu): one request, shared by its input. */
export const OPEN_INCIDENTS: MethodInput<'incidents.list'> = { status: 'open', limit: 100 };

type Read = { [M in MethodName]: [M, MethodInput<M>] }[MethodName];

/** What the header and navbar read on every screen (counts, the overdue badge, the operator). */
const SHELL: Read[] = [
  ['deadlines.summary', {}],
  ['activations.active', {}],
  ['handover.list', {}],
  ['operator.current', {}],
];

/** What the Now desk reads besides. */
const NOW: Read[] = [
  ['duty.now', {}],
  ['app.isEmpty', {}],
  ['instructions.pending', {}],
  ['handover.due', {}],
  ['incidents.list', OPEN_INCIDENTS],
];

/**
 * Asks the first screen's questions the moment the app starts, beside settings.get, under the keys the
 * views use (useQuery: [method, input]). Asked from the views, they waited for the settings to answer and
 * the shell to render: 0.1–0.2 s on the home screen with the host idle meanwhile (measured in Chromium).
 */
export function askFirstReads(client: QueryClient, hash = window.location.hash): void {
  // The settings first: the host answers in turn, and nothing renders without them.
  void client.prefetchQuery(SETTINGS_QUERY);
  const reads = areaFromHash(hash) === 'now' ? [...SHELL, ...NOW] : SHELL;
  for (const [method, input] of reads)
    void client.prefetchQuery({ queryKey: [method, input], queryFn: () => call(method, input as never) });
}
