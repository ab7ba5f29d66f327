import type { MethodInput, MethodName, MethodOutput } from '../../electron/core/contract';
import type { RunningHost } from '../core/built';

/** Calls the web host's API the way the renderer does, with the per-run token; a refusal fails the test. */
export async function callHost<M extends MethodName>(
  host: RunningHost,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const res = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Duty-Room-Token': host.token },
    body: JSON.stringify(input),
  });
  const r = (await res.json()) as { ok: boolean; value: MethodOutput<M>; error?: unknown };
  if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
  return r.value;
}
