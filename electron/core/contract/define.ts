import type { z } from 'zod';

/** A method of the API: its zod input schema and (type-only) output. */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  /** Phantom field: carries the output type, never read at run time. */
  output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}
