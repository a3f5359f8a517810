import type { z } from 'zod';
import { contract, isCommandName, KomaError, type AppError, type Result } from '../../../shared/contract';
import type { BackendContext } from '../app/context';
import type { HandlerMap } from '../app/registry';
import { toStoreFault } from '../db/errors';
import { payloadProblem } from './inputGuards';

export type Dispatch = (command: string, payload: unknown) => Promise<Result<unknown>>;

export interface DispatcherOptions {
  /** Where unexpected errors go with their stacks; the renderer only ever sees a short message. */
  logError?: (command: string, error: unknown) => void;
}

function issuesOf(error: z.ZodError): NonNullable<AppError['issues']> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(payload)',
    message: issue.message,
  }));
}

/**
 * The one door into the backend, for every transport: the command must be in the contract and the
 * payload must parse against its schema before any handler runs. Output is parsed too, so a handler
 * bug cannot leak fields the contract does not declare.
 */
export function createDispatcher(handlers: HandlerMap, ctx: BackendContext, options: DispatcherOptions = {}): Dispatch {
  const logError = options.logError ?? ((command, error) => console.error(`[koma] ${command} failed`, error));
  return async (command, payload) => {
    if (!isCommandName(command)) {
      return { ok: false, error: { code: 'unknown_command', message: `Unknown command "${command.slice(0, 100)}"` } };
    }
    const spec = contract[command];
    const problem = payloadProblem(payload);
    if (problem) {
      return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${command}: ${problem}`, issues: [{ path: problem.split(':')[0]!, message: problem.slice(problem.indexOf(':') + 2) }] } };
    }
    // A transport with no body sends undefined, which means "no input"; null is a malformed payload.
    const parsed = spec.input.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) {
      const issues = issuesOf(parsed.error);
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Invalid input for ${command}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
          issues,
        },
      };
    }
    try {
      const handler = handlers[command] as (input: unknown, ctx: BackendContext) => unknown;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value: spec.output.parse(value) };
    } catch (error) {
      if (error instanceof KomaError) {
        return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
      }
      // Logged whole (stack included) where only the log reads it; the rep gets plain words.
      logError(command, error);
      const fault = toStoreFault(error);
      if (fault) return { ok: false, error: { code: fault.code, message: fault.message } };
      return { ok: false, error: { code: 'internal', message: internalMessage(command) } };
    }
  };
}

/** A bug, not a fault of the rep's machine: say what did not happen, and where the details are. */
export function internalMessage(command: string): string {
  return `Koma could not finish ${command}; nothing was changed. The details are in Koma's log.`;
}
