import type { CommandInput, CommandName, CommandOutput } from '../../../shared/contract';
import type { SendCommand } from '../../../shared/contract/api';
import { CommandError, type TransportAppError } from './commandError';

export type Invoke = <K extends CommandName>(command: K, input: CommandInput<K>) => Promise<CommandOutput<K>>;

export interface KomaClient {
  readonly invoke: Invoke;
}

/**
 * The typed client over any transport: argument and result types come from the contract, and an
 * `{ ok: false }` result becomes a thrown CommandError so stores handle failures in one place.
 * Outputs are not re-parsed here: the dispatcher already parses every output against the contract.
 */
export function createClient(send: SendCommand): KomaClient {
  const invoke = async <K extends CommandName>(command: K, input: CommandInput<K>): Promise<CommandOutput<K>> => {
    let result: Awaited<ReturnType<SendCommand>>;
    try {
      result = await send(command, input);
    } catch (error) {
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
