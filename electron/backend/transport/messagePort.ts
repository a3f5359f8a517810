// How main, the utility process and the preload talk. This file imports nothing but types from
// shared/: the sandboxed preload bundles it, and a sandboxed preload can load no Node module.
import type { AppError, Result } from '../../../shared/contract';
import type { SendCommand } from '../../../shared/contract/api';

/** The IPC channel on which main hands the window its end of a fresh backend channel. */
export const backendPortChannel = 'koma:backend-port';

/** Main → utility process, over `parentPort`. A `connect` message carries one MessagePortMain. */
export type BackendControlMessage = { type: 'connect' } | { type: 'shutdown' };
/**
 * Utility process → main: the backend cannot start (e.g. a database from a newer Koma), or it asks
 * main to open a URL in the system browser (the CRM sign-in page: never inside an Electron window).
 */
export type BackendStatusMessage = { type: 'fatal'; message: string } | { type: 'open-external'; url: string };

export function isControlMessage(value: unknown): value is BackendControlMessage {
  return isRecord(value) && (value.type === 'connect' || value.type === 'shutdown');
}

export function isStatusMessage(value: unknown): value is BackendStatusMessage {
  return (
    isRecord(value) &&
    ((value.type === 'fatal' && typeof value.message === 'string') || (value.type === 'open-external' && typeof value.url === 'string'))
  );
}

// ---------------------------------------------------------------------------------------------
// Launch arguments: main writes them, the utility process reads them back.

export interface BackendLaunchOptions {
  dataDir: string;
  resourcesDir: string;
  version: string;
}

const launchArgNames = { dataDir: 'data-dir', resourcesDir: 'resources-dir', version: 'app-version' } as const;
const launchEnvNames = { dataDir: 'KOMA_DATA_DIR', resourcesDir: 'KOMA_RESOURCES_DIR', version: 'KOMA_VERSION' } as const;
const launchKeys = Object.keys(launchArgNames) as (keyof BackendLaunchOptions)[];

export function toLaunchArgs(options: BackendLaunchOptions): string[] {
  return launchKeys.map((key) => `--${launchArgNames[key]}=${options[key]}`);
}

/** argv wins over the environment; a missing value is a start-up error, never a silent default. */
export function parseLaunchArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): BackendLaunchOptions {
  const options: Partial<BackendLaunchOptions> = {};
  for (const key of launchKeys) {
    const prefix = `--${launchArgNames[key]}=`;
    const fromArgv = argv.findLast((arg) => arg.startsWith(prefix))?.slice(prefix.length);
    const value = fromArgv ?? env[launchEnvNames[key]];
    if (!value) throw new Error(`The Koma backend needs --${launchArgNames[key]}=… or ${launchEnvNames[key]}`);
    options[key] = value;
  }
  return options as BackendLaunchOptions;
}

// ---------------------------------------------------------------------------------------------
// Ports. Three runtimes hand us three shapes of the same thing; both sides below see only this.

export interface PortEndpoint {
  post(message: unknown): void;
  onMessage(listener: (data: unknown) => void): void;
  onClose(listener: () => void): void;
  close(): void;
}

/** Node's worker_threads MessagePort: the listener receives the data itself. */
export interface NodeStylePort {
  on(event: 'message', listener: (data: unknown) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  close(): void;
}

/** Electron's MessagePortMain (utility process, main): the listener receives `{ data, ports }`. */
export interface MainStylePort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

/** The DOM MessagePort a preload receives; Electron also fires `close` on it when the far end goes. */
export interface DomStylePort {
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

export function fromNodePort(port: NodeStylePort): PortEndpoint {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', listener),
    onClose: (listener) => port.on('close', listener),
    close: () => port.close(),
  };
}

export function fromMainPort(port: MainStylePort): PortEndpoint {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.on('message', (event) => listener(event.data));
      // MessagePortMain queues messages until started, so nothing sent early is lost.
      port.start();
    },
    onClose: (listener) => port.on('close', listener),
    close: () => port.close(),
  };
}

export function fromDomPort(port: DomStylePort): PortEndpoint {
  return {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => {
      port.addEventListener('message', (event) => listener(event.data));
      port.start();
    },
    onClose: (listener) => port.addEventListener('close', listener),
    close: () => port.close(),
  };
}

// ---------------------------------------------------------------------------------------------
// Envelopes.

export type RequestId = string | number;
export interface RequestEnvelope {
  id: RequestId;
  command: string;
  input: unknown;
}
export interface ReplyEnvelope {
  id: RequestId;
  result: Result<unknown>;
}

const maxIdLength = 100;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRequestId(value: unknown): value is RequestId {
  return (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && value.length > 0 && value.length <= maxIdLength);
}

export type ParsedRequest =
  | { kind: 'request'; request: RequestEnvelope }
  /** Answerable: the id is usable, so the sender can be told what was wrong. */
  | { kind: 'malformed'; id: RequestId; message: string }
  /** Nobody to answer: no usable id. */
  | { kind: 'unanswerable' };

/** Checks only the envelope; the payload is the dispatcher's to validate against the contract. */
export function parseRequest(data: unknown): ParsedRequest {
  if (!isRecord(data) || !isRequestId(data.id)) return { kind: 'unanswerable' };
  if (typeof data.command !== 'string') return { kind: 'malformed', id: data.id, message: 'Malformed request: "command" must be a string.' };
  return { kind: 'request', request: { id: data.id, command: data.command, input: data.input } };
}

function parseReply(data: unknown): ReplyEnvelope | null {
  if (!isRecord(data) || !isRequestId(data.id) || !isRecord(data.result) || typeof data.result.ok !== 'boolean') return null;
  return { id: data.id, result: data.result as Result<unknown> };
}

// ---------------------------------------------------------------------------------------------
// Backend side.

/** The dispatcher's shape, restated here so this file needs nothing from the backend. */
export type PortDispatch = (command: string, payload: unknown) => Promise<Result<unknown>>;

export interface ServePortOptions {
  /** Why a message was dropped or a reply could not be sent; never reaches the renderer. */
  log?: (message: string, error?: unknown) => void;
  onClose?: () => void;
}

export interface ServedPort {
  close(): void;
}

const unexpectedError: AppError = { code: 'internal', message: 'Koma could not finish this request; nothing was changed. The details are in Koma\'s log.' };

/** Answers every well-formed request on `port` through `dispatch`, one reply per id. */
export function servePort(port: PortEndpoint, dispatch: PortDispatch, options: ServePortOptions = {}): ServedPort {
  const log = options.log ?? ((message, error) => console.error(`[koma] ${message}`, error ?? ''));
  let open = true;

  const reply = (envelope: ReplyEnvelope) => {
    if (!open) return;
    try {
      port.post(envelope);
    } catch (error) {
      log(`could not send the reply to request ${String(envelope.id)}`, error);
    }
  };

  port.onMessage((data) => {
    const parsed = parseRequest(data);
    if (parsed.kind === 'unanswerable') {
      log('dropped a message without a usable request id');
      return;
    }
    if (parsed.kind === 'malformed') {
      reply({ id: parsed.id, result: { ok: false, error: { code: 'invalid_input', message: parsed.message } } });
      return;
    }
    const { id, command, input } = parsed.request;
    // The dispatcher answers every failure itself; this catch only guards against a bug in it.
    dispatch(command, input).then(
      (result) => reply({ id, result }),
      (error: unknown) => {
        log(`${command.slice(0, maxIdLength)} threw past the dispatcher`, error);
        reply({ id, result: { ok: false, error: unexpectedError } });
      },
    );
  });
  port.onClose(() => {
    open = false;
    options.onClose?.();
  });

  return {
    close: () => {
      open = false;
      port.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Preload side.

export const backendRestartedError: AppError = { code: 'internal', message: 'The Koma backend restarted; try again.' };
const unsendableInputError: AppError = { code: 'invalid_input', message: 'The input could not be sent to the backend (it is not plain data).' };

export interface PortClient {
  readonly send: SendCommand;
  /**
   * Use this port from now on. Calls made while no port was connected go out on it; calls still
   * waiting on a previous port resolve as "restarted", because whether they ran is unknown.
   */
  connect(port: PortEndpoint): void;
}

interface Connection {
  readonly port: PortEndpoint;
  readonly pending: Map<RequestId, (result: Result<unknown>) => void>;
  open: boolean;
}

export function createPortClient(): PortClient {
  let current: Connection | null = null;
  let nextId = 1;
  const waitingForPort: ((connection: Connection) => void)[] = [];

  const retire = (connection: Connection) => {
    if (!connection.open) return;
    connection.open = false;
    if (current === connection) current = null;
    for (const resolve of connection.pending.values()) resolve({ ok: false, error: backendRestartedError });
    connection.pending.clear();
  };

  const sendOn = (connection: Connection, command: string, input: unknown, resolve: (result: Result<unknown>) => void) => {
    const id = nextId++;
    connection.pending.set(id, resolve);
    try {
      connection.port.post({ id, command, input } satisfies RequestEnvelope);
    } catch {
      // postMessage throws only when the input cannot be cloned: the caller's mistake, not the port's.
      connection.pending.delete(id);
      resolve({ ok: false, error: unsendableInputError });
    }
  };

  return {
    send: (command, input) =>
      new Promise((resolve) => {
        if (current) sendOn(current, command, input, resolve);
        else waitingForPort.push((connection) => sendOn(connection, command, input, resolve));
      }),

    connect: (port) => {
      const connection: Connection = { port, pending: new Map(), open: true };
      port.onMessage((data) => {
        const reply = parseReply(data);
        const resolve = reply && connection.pending.get(reply.id);
        if (!reply || !resolve) return;
        connection.pending.delete(reply.id);
        resolve(reply.result);
      });
      port.onClose(() => retire(connection));
      const previous = current;
      current = connection;
      if (previous) {
        retire(previous);
        previous.port.close();
      }
      for (const send of waitingForPort.splice(0)) send(connection);
    },
  };
}
