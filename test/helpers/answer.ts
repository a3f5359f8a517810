import type { Result } from '../../shared/contract';

/** A command's value from any backend that dispatches (the threads, in-process); its error, named, thrown. */
export async function answer<T>(backend: { dispatch: (command: string, input: unknown) => Promise<unknown> }, command: string, input: unknown): Promise<T> {
  const result = (await backend.dispatch(command, input)) as Result<T>;
  if (!result.ok) throw new Error(`${command}: ${result.error.code}: ${result.error.message}`);
  return result.value;
}
