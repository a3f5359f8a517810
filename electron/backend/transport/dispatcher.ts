import type { z } from 'zod';
import { maxBodyBytesOf } from '../../../shared/contract/limits';
import { contract, isCommandName, KomaError, type AppError, type CommandName, type Result } from '../../../shared/contract';
import type { BackendContext } from '../core/context';
import { MaintenanceNeeded, runMaintenance, type MaintenanceJob } from '../app/maintenance';
import type { HandlerMap } from '../core/registry';
import { toStoreFault } from '../db/errors';
import { payloadProblem, payloadSize } from './inputGuards';

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

export type ValidRequest = { ok: true; command: CommandName; input: unknown };

/**
 * The first half of the door, run where the request arrives: the command must be in the contract
 * and the payload must pass the input guards and parse against its schema before any handler runs.
 */
export function validateRequest(command: string, payload: unknown): ValidRequest | { ok: false; error: AppError } {
  if (!isCommandName(command)) {
    return { ok: false, error: { code: 'unknown_command', message: `Unknown command "${command.slice(0, 100)}"` } };
  }
  const limit = maxBodyBytesOf(command);
  if (payloadSize(payload, limit) > limit) {
    return { ok: false, error: { code: 'invalid_input', message: `The request for ${command} is larger than ${limit} bytes` } };
  }
  const problem = payloadProblem(payload);
  if (problem) {
    const at = problem.indexOf(':');
    return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${command}: ${problem}`, issues: [{ path: problem.slice(0, at), message: problem.slice(at + 2) }] } };
  }
  // A transport with no body sends undefined, which means "no input"; null is a malformed payload.
  const parsed = contract[command].input.safeParse(payload === undefined ? {} : payload);
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
  return { ok: true, command, input: parsed.data };
}

/** What running a handler gave: its Result, or the maintenance job it needs the writer to run first. */
export type HandlerOutcome = { result: Result<unknown> } | { maintenance: MaintenanceJob };

/**
 * The second half, run where the store is (in process, or on a store thread): the handler on the
 * validated input, its output parsed against the contract so a handler bug cannot leak fields the
 * contract does not declare, and any failure turned into a typed error in plain words.
 */
export async function runHandler(
  handlers: HandlerMap,
  ctx: BackendContext,
  command: CommandName,
  input: unknown,
  logError: (command: string, error: unknown) => void,
): Promise<HandlerOutcome> {
  try {
    const handler = handlers[command] as (input: unknown, ctx: BackendContext) => unknown;
    const value = await handler(input, ctx);
    return { result: { ok: true, value: contract[command].output.parse(value) } };
  } catch (error) {
    if (error instanceof MaintenanceNeeded) return { maintenance: error.job };
    return { result: errorResult(command, error, logError) };
  }
}

/**
 * Any failure as the contract carries it: a KomaError as itself; a store fault as its typed error in
 * plain words; anything else as `internal`. Unexpected ones are logged whole (stack included) where
 * only the log reads them.
 */
export function errorResult(what: string, error: unknown, logError: (what: string, error: unknown) => void): { ok: false; error: AppError } {
  if (error instanceof KomaError) {
    return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
  }
  logError(what, error);
  const fault = toStoreFault(error);
  if (fault) return { ok: false, error: { code: fault.code, message: fault.message } };
  return { ok: false, error: { code: 'internal', message: internalMessage(what) } };
}

/**
 * The one door into an in-process backend (tests, tools): validation, then the handler. A read that
 * needs a maintenance job first gets it run on the same store, then runs once more.
 */
export function createDispatcher(handlers: HandlerMap, ctx: BackendContext, options: DispatcherOptions = {}): Dispatch {
  const logError = options.logError ?? ((command, error) => console.error(`[koma] ${command} failed`, error));
  return async (command, payload) => {
    const request = validateRequest(command, payload);
    if (!request.ok) return request;
    let outcome = await runHandler(handlers, ctx, request.command, request.input, logError);
    if ('maintenance' in outcome) {
      try {
        runMaintenance(ctx, outcome.maintenance);
      } catch (error) {
        return errorResult(request.command, error, logError);
      }
      outcome = await runHandler(handlers, ctx, request.command, request.input, logError);
    }
    if ('maintenance' in outcome) return { ok: false, error: { code: 'store_busy', message: 'The list is being brought up to date — try again in a moment.' } };
    return outcome.result;
  };
}

/** A bug, not a fault of the rep's machine: say what did not happen, and where the details are. */
export function internalMessage(command: string): string {
  return `Koma could not finish ${command}; nothing was changed. The details are in Koma's log.`;
}
