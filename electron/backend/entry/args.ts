import { posix, win32 } from 'node:path';

/** What browser mode was asked to do, once the command line and the environment are reconciled. */
export interface BrowserModeOptions {
  dataDir: string;
  /** 0 asks the OS for a free port. */
  port: number;
  openBrowser: boolean;
  /** Test-only: a hand-moved clock and the /__test/clock route. Never set by a user-facing flag. */
  testClock: boolean;
  /** Test-only: KOMA_TEST_CLOCK set to an ISO instant starts the test clock there (the bench's store lives at its own date). */
  testClockAt?: string;
}

export type ParsedArgs =
  | { kind: 'run'; options: BrowserModeOptions }
  | { kind: 'help' }
  | { kind: 'error'; message: string };

/** Everything the parser depends on, passed in so it stays pure and testable on any OS. */
export interface ArgsEnvironment {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  homeDir: string;
  cwd: string;
}

export const usage = [
  'Usage: npm run start:browser -- [--data-dir DIR] [--port N] [--no-open]',
  '  --data-dir DIR  where Koma keeps its database (env KOMA_DATA_DIR; default: the per-user data folder)',
  '  --port N        loopback port to listen on, 0 for any free port (env KOMA_PORT; default 0)',
  '  --no-open       do not open the system browser',
].join('\n');

/** The folder name Electron's userData uses, from package.json's productName. */
const productName = 'Koma';

/**
 * The per-user data folder, following each OS's convention. The Linux folder is lower-case as XDG
 * data folders are; macOS and Windows use the product name like every other app there.
 */
export function defaultDataDir(platform: NodeJS.Platform, env: ArgsEnvironment['env'], homeDir: string): string {
  if (platform === 'win32') {
    return win32.join(nonEmpty(env.APPDATA) ?? win32.join(homeDir, 'AppData', 'Roaming'), productName);
  }
  if (platform === 'darwin') return posix.join(homeDir, 'Library', 'Application Support', productName);
  const xdg = nonEmpty(env.XDG_DATA_HOME);
  // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
  const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(homeDir, '.local', 'share');
  return posix.join(base, productName.toLowerCase());
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/** Decimal digits only: "8e3", "0x50", " 80" and "80.0" are typos, not ports. */
function parsePort(raw: string, source: string): number | string {
  if (!/^\d{1,5}$/.test(raw)) return `${source} must be a whole number from 0 to 65535 (got "${raw}")`;
  const port = Number(raw);
  if (port > 65535) return `${source} must be a whole number from 0 to 65535 (got "${raw}")`;
  return port;
}

const valueFlags = ['--data-dir', '--port'] as const;
type ValueFlag = (typeof valueFlags)[number];

function isValueFlag(name: string): name is ValueFlag {
  return (valueFlags as readonly string[]).includes(name);
}

/** Command line wins over the environment, which wins over the defaults. */
export function parseBrowserModeArgs(input: ArgsEnvironment): ParsedArgs {
  const flags: Partial<Record<ValueFlag, string>> = {};
  let openBrowser = true;
  for (let i = 0; i < input.argv.length; i++) {
    const arg = input.argv[i]!;
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--no-open') {
      openBrowser = false;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    if (!isValueFlag(name)) {
      return { kind: 'error', message: `Unknown option "${arg}".\n${usage}` };
    }
    let value: string | undefined;
    if (eq > 0 && name !== arg) {
      value = arg.slice(eq + 1);
    } else {
      value = input.argv[i + 1];
      if (value === undefined || value.startsWith('--')) {
        return { kind: 'error', message: `${name} needs a value.\n${usage}` };
      }
      i++;
    }
    if (value === '') return { kind: 'error', message: `${name} needs a value.\n${usage}` };
    flags[name] = value;
  }

  let port = 0;
  const portSource = flags['--port'] !== undefined ? '--port' : 'KOMA_PORT';
  const rawPort = flags['--port'] ?? nonEmpty(input.env.KOMA_PORT);
  if (rawPort !== undefined) {
    const parsed = parsePort(rawPort, portSource);
    if (typeof parsed === 'string') return { kind: 'error', message: parsed };
    port = parsed;
  }

  const path = input.platform === 'win32' ? win32 : posix;
  const rawDir = flags['--data-dir'] ?? nonEmpty(input.env.KOMA_DATA_DIR);
  const dataDir = rawDir !== undefined ? path.resolve(input.cwd, rawDir) : defaultDataDir(input.platform, input.env, input.homeDir);

  const clock = input.env.KOMA_TEST_CLOCK;
  const clockAt = clock !== undefined && /^\d{4}-\d{2}-\d{2}T/.test(clock) && Number.isFinite(Date.parse(clock)) ? new Date(clock).toISOString() : undefined;
  return { kind: 'run', options: { dataDir, port, openBrowser, testClock: clock === '1' || clockAt !== undefined, ...(clockAt ? { testClockAt: clockAt } : {}) } };
}
