import type { MethodName, MethodOutput, MethodParsedInput } from './contract';
import type { CoreContext } from './context';

export type Handler<M extends MethodName> = (
  input: MethodParsedInput<M>,
  ctx: CoreContext,
) => MethodOutput<M> | Promise<MethodOutput<M>>;

/** The handlers of some of the contract's methods; each feature exports one such map. */
export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };
