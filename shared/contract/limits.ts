import { maxImportBytes } from './imports';

/**
 * How large a request body each command may send. Only the commands that carry a whole CSV file
 * get the import limit (a 64 MB file as base64 plus the JSON around it); every other command is
 * a form or an id and gets a small one, so a runaway or hostile client cannot make the backend
 * buffer and parse tens of megabytes for, say, `lead.get`.
 */
export const importBodyBytes = Math.ceil(maxImportBytes / 3) * 4 + 1024 * 1024;
export const defaultBodyBytes = 1024 * 1024;

const fileCommands: ReadonlySet<string> = new Set(['import.start', 'import.preview', 'behaviour.import', 'phoneCalls.import']);

export function maxBodyBytesOf(command: string): number {
  return fileCommands.has(command) ? importBodyBytes : defaultBodyBytes;
}
