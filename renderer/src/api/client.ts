import type { Result } from '../../../shared/contract';
import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import { CommandError, type TransportAppError } from './commandError';

export interface InvokeOptions {
  /**
   * Aborting it gives up on the answer: the call rejects at once with an `AbortError`, and a
   * transport that can cancel (browser mode's fetch) cancels the request in flight. A superseded
   * search uses it (callListStore).
   */
  signal?: AbortSignal;
}

/**
 * A transport as the client uses it: the contract's `SendCommand`, which may also take a signal.
 * The preload cannot cancel a request over its port; the client still stops waiting for it.
 */
export type RendererSend = (command: CommandName, input: unknown, options?: InvokeOptions) => Promise<Result<unknown>>;

export type Invoke = <K extends CommandName>(command: K, input: CommandInput<K>, options?: InvokeOptions) => Promise<CommandOutput<K>>;

export interface KomaClient {
  readonly invoke: Invoke;
}

/** What an abandoned call rejects with (as fetch does when its signal aborts). */
export function abortError(): DOMException {
  return new DOMException('The request was abandoned: a newer one replaced it.', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Settles with `work`, or rejects with an AbortError as soon as `signal` aborts. */
function unlessAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * The typed client over any transport: argument and result types come from the contract, and an
 * `{ ok: false }` result becomes a thrown CommandError so stores handle failures in one place.
 * Outputs are not re-parsed here: the dispatcher already parses every output against the contract.
 */
export function createClient(send: RendererSend): KomaClient {
  const invoke = async <K extends CommandName>(command: K, input: CommandInput<K>, options: InvokeOptions = {}): Promise<CommandOutput<K>> => {
    const { signal } = options;
    if (signal?.aborted) throw abortError();
    let result: Awaited<ReturnType<RendererSend>>;
    try {
      result = await unlessAborted(signal ? send(command, input, { signal }) : send(command, input), signal);
    } catch (error) {
      if (signal?.aborted) throw abortError();
      // A transport that throws instead of answering means the backend is gone (e.g. its process died).
      throw new CommandError(command, {
        code: 'internal',
        message: error instanceof Error ? error.message : String(error),
        hint: 'backend_unreachable',
      });
    }
    if (!result.ok) throw new CommandError(command, result.error as TransportAppError);
    return result.value as CommandOutput<K>;
  };
  return { invoke };
}
