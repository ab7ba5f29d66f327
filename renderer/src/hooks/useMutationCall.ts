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
 * After a successful write every query is invalidated: the shown ones are read again at once, the others
 * when next shown. Why all, not a per-method list: one write touches several views (an incident changes
 * the log, the deadlines on Now, the nav counts, the handover draft, the timeline…); a hand-kept map of
 * which method affects which read would rot silently, while re-reading the few mounted queries of a local
 * core costs milliseconds. The promise resolves with the write's answer without waiting for those reads,
 * so a form closes at once; a view that shows exactly what was written can put it in its query
 * (`setQueryData`) for an instant update.
 */
export function useMutationCall() {
  const client = useQueryClient();
  const m = useMutation({
    mutationFn: ({ method, input }: Vars) => call(method, input as never),
    onSuccess: () => {
      void client.invalidateQueries();
    },
  });
  const { mutateAsync } = m;
  return useCallback(
    <M extends MethodName>(method: M, input: MethodInput<M>) =>
      mutateAsync({ method, input }) as Promise<MethodOutput<M>>,
    [mutateAsync],
  );
}
