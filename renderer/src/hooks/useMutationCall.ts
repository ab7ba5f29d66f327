import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@contract';
import { call } from '../api/client';

interface Vars {
  method: MethodName;
  input: unknown;
}

/**
 * The one way the renderer writes: `const write = useMutationCall(); await write('people.save', {...})`.
 * After a successful write every query is invalidated and the shown ones are refetched before the promise
 * resolves. Why all, not a per-method list: one write touches several views (an incident changes the log,
 * the deadlines on Now, the nav counts, the handover draft, the timeline…); a hand-kept map of which
 * method affects which read would rot silently, while refetching the few mounted reads of a local core
 * costs milliseconds.
 */
export function useMutationCall() {
  const client = useQueryClient();
  const m = useMutation({
    mutationFn: ({ method, input }: Vars) => call(method, input as never),
    onSuccess: () => client.invalidateQueries(),
  });
  const { mutateAsync } = m;
  return useCallback(
    <M extends MethodName>(method: M, input: MethodInput<M>) =>
      mutateAsync({ method, input }) as Promise<MethodOutput<M>>,
    [mutateAsync],
  );
}
