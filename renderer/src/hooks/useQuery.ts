import { useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@contract';
import { call } from '../api/client';
import { useDataEvents } from '../app/data-events';

/** Calls a read method and re-calls it whenever the input changes or any write happens. */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M> | null) {
  const { version } = useDataEvents();
  const [data, setData] = useState<MethodOutput<M> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const key = input === null ? null : JSON.stringify(input);
  useEffect(() => {
    if (key === null) {
      setData(null);
      return;
    }
    let live = true;
    call(method, JSON.parse(key) as MethodInput<M>).then(
      (v) => live && (setData(v), setError(null)),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [method, key, version]);
  return { data, error };
}
