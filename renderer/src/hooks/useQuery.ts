import { useEffect, useState } from 'react';
import type { MethodInput, MethodName, MethodOutput } from '@contract';
import { call } from '../api/client';
import { useDataEvents } from '../app/data-events';

/**
 * Requests in flight, by method, input and data version: components asking the same thing at the same
 * time (the Now screen and the navbar counts both read deadlines.summary) share one request.
 */
const inFlight = new Map<string, Promise<unknown>>();

function shared<M extends MethodName>(method: M, key: string, version: number): Promise<MethodOutput<M>> {
  const id = `${method}|${key}|${version}`;
  let p = inFlight.get(id) as Promise<MethodOutput<M>> | undefined;
  if (!p) {
    p = call(method, JSON.parse(key) as MethodInput<M>);
    inFlight.set(id, p);
    const forget = () => inFlight.delete(id);
    p.then(forget, forget);
  }
  return p;
}

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
    shared(method, key, version).then(
      (v) => live && (setData(v), setError(null)),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [method, key, version]);
  return { data, error };
}
