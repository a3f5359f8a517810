import type { CommandInput, CommandName, CommandOutput } from './index';
import type { Result } from './errors';

/** What a transport offers the renderer: one named method per command, derived from the contract. */
export type KomaApi = {
  [K in CommandName]: (input: CommandInput<K>) => Promise<Result<CommandOutput<K>>>;
};

/** The one generic send every transport implements; the named API is built on top of it. */
export type SendCommand = (command: CommandName, input: unknown) => Promise<Result<unknown>>;
