// The sandboxed preload: one named method per contract command on `window.koma`, carried over the
// MessagePort main hands us. No generic invoke, no raw ipcRenderer, no logic beyond the wiring.
import { contextBridge, ipcRenderer } from 'electron';
import { commandNames, type CommandName, type Result } from '../shared/contract';
import type { KomaApi, SendCommand } from '../shared/contract/api';
import { backendPortChannel, createPortClient, fromDomPort, type DomStylePort } from './backend/transport/messagePort';

function namedMethods(send: SendCommand): KomaApi {
  const method = (command: CommandName) => (input: unknown): Promise<Result<unknown>> => send(command, input);
  return Object.fromEntries(commandNames.map((command) => [command, method(command)])) as KomaApi;
}

const client = createPortClient();

// Main sends a new port on every page load and after every backend restart; the newest one wins.
ipcRenderer.on(backendPortChannel, (event) => {
  const [port] = event.ports;
  // Electron's typings name the DOM MessagePort, which the node tsconfig (no DOM lib) cannot see.
  if (port) client.connect(fromDomPort(port as unknown as DomStylePort));
});

const koma = namedMethods(client.send) satisfies KomaApi;
contextBridge.exposeInMainWorld('koma', koma);
