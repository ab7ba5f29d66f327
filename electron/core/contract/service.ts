import type { ApiResult } from './errors';
import type { MethodInput, MethodName, MethodOutput } from './index';

/**
 * What every host holds of the core: the API, typed from the contract. The Electron main process holds
 * a proxy to the utility process that runs the core; the web host and CLI hold the core's own service.
 * Neither ever throws: failures come back as `{ ok: false, error }` with a code.
 */
export interface ApiService {
  /** A call the host composes itself: the method's input and output types come from the contract. */
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<ApiResult<MethodOutput<M>>>;
  /** A call as it arrives from a transport (IPC, HTTP): any name, any payload, parsed by the core. */
  invokeRaw(method: string, rawInput: unknown): Promise<ApiResult<unknown>>;
}
