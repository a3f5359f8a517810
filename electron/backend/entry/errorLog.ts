import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { classifyStoreError, storeFaultMessages } from '../db/errors';

export const errorLogFileName = 'koma-errors.log';

export type LogError = (what: string, error: unknown) => void;

/**
 * Browser mode's error log. A rep runs browser mode in a terminal: stacks and SQL belong in a file
 * they can send to support, not on their screen. The terminal gets one plain line: what failed, in
 * words (a classified store fault says what to do), and where the details are.
 */
export function createErrorLog(dataDir: string, print: (line: string) => void = (line) => console.error(line)): LogError {
  const path = join(dataDir, 'logs', errorLogFileName);
  return (what, error) => {
    let kept = true;
    try {
      mkdirSync(join(dataDir, 'logs'), { recursive: true });
      appendFileSync(path, `${new Date().toISOString()} ${what}\n${inspect(error, { depth: 4 })}\n\n`);
    } catch {
      // A full disk cannot take the log either; the terminal line below still says what happened.
      kept = false;
    }
    print(`[koma] ${plainLine(what, error)}${kept ? ` (details in ${path})` : ''}`);
  };
}

export function plainLine(what: string, error: unknown): string {
  const fault = classifyStoreError(error);
  return fault ? `${what}: ${storeFaultMessages[fault]}` : `${what} did not finish`;
}
