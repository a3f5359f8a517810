import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseBrowserModeArgs, type ArgsEnvironment } from '../../electron/backend/entry/args';

const linux = (argv: string[], env: ArgsEnvironment['env'] = {}): ArgsEnvironment => ({
  argv,
  env,
  platform: 'linux',
  homeDir: '/home/rep',
  cwd: '/work',
});

describe('parseBrowserModeArgs: what runs', () => {
  const cases: { name: string; input: ArgsEnvironment; dataDir: string; port: number; openBrowser: boolean; testClock?: boolean; testClockAt?: string }[] = [
    { name: 'defaults', input: linux([]), dataDir: '/home/rep/.local/share/koma', port: 0, openBrowser: true },
    { name: 'flags with separate values', input: linux(['--data-dir', '/d', '--port', '8080', '--no-open']), dataDir: '/d', port: 8080, openBrowser: false },
    { name: 'flags with = values', input: linux(['--data-dir=/d', '--port=0']), dataDir: '/d', port: 0, openBrowser: true },
    { name: 'a relative data dir is resolved from the working directory', input: linux(['--data-dir', 'data/x']), dataDir: '/work/data/x', port: 0, openBrowser: true },
    { name: 'environment when no flags', input: linux([], { KOMA_DATA_DIR: '/env', KOMA_PORT: '9000' }), dataDir: '/env', port: 9000, openBrowser: true },
    {
      name: 'command line wins over environment',
      input: linux(['--data-dir', '/cli', '--port', '7000'], { KOMA_DATA_DIR: '/env', KOMA_PORT: '9000' }),
      dataDir: '/cli',
      port: 7000,
      openBrowser: true,
    },
    { name: 'empty environment values count as unset', input: linux([], { KOMA_DATA_DIR: '', KOMA_PORT: ' ' }), dataDir: '/home/rep/.local/share/koma', port: 0, openBrowser: true },
    { name: 'the highest port', input: linux(['--port', '65535']), dataDir: '/home/rep/.local/share/koma', port: 65535, openBrowser: true },
    { name: 'the last repeated flag wins', input: linux(['--port', '1', '--port', '2']), dataDir: '/home/rep/.local/share/koma', port: 2, openBrowser: true },
    { name: 'KOMA_TEST_CLOCK=1 turns the test clock on', input: linux([], { KOMA_TEST_CLOCK: '1' }), dataDir: '/home/rep/.local/share/koma', port: 0, openBrowser: true, testClock: true },
    { name: 'KOMA_TEST_CLOCK=<ISO instant> turns it on at that instant', input: linux([], { KOMA_TEST_CLOCK: '2026-11-24T10:00:00+09:00' }), dataDir: '/home/rep/.local/share/koma', port: 0, openBrowser: true, testClock: true, testClockAt: '2026-11-24T01:00:00.000Z' },
    { name: 'a KOMA_TEST_CLOCK that only looks like an instant leaves it off', input: linux([], { KOMA_TEST_CLOCK: '2026-13-45Tnope' }), dataDir: '/home/rep/.local/share/koma', port: 0, openBrowser: true, testClock: false },
    { name: 'any other KOMA_TEST_CLOCK value leaves it off', input: linux([], { KOMA_TEST_CLOCK: 'true' }), dataDir: '/home/rep/.local/share/koma', port: 0, openBrowser: true, testClock: false },
  ];
  it.each(cases)('$name', ({ input, dataDir, port, openBrowser, testClock = false, testClockAt }) => {
    expect(parseBrowserModeArgs(input)).toEqual({ kind: 'run', options: { dataDir, port, openBrowser, testClock, ...(testClockAt ? { testClockAt } : {}) } });
  });
});

describe('parseBrowserModeArgs: refused', () => {
  const cases: { name: string; input: ArgsEnvironment; message: RegExp }[] = [
    { name: 'unknown flag', input: linux(['--verbose']), message: /Unknown option "--verbose"[\s\S]*Usage:/ },
    { name: 'stray positional argument', input: linux(['data']), message: /Unknown option "data"/ },
    { name: 'unknown flag with a value', input: linux(['--host=0.0.0.0']), message: /Unknown option "--host=0.0.0.0"/ },
    { name: 'missing value at the end', input: linux(['--port']), message: /--port needs a value/ },
    { name: 'a flag where the value should be', input: linux(['--data-dir', '--no-open']), message: /--data-dir needs a value/ },
    { name: 'empty = value', input: linux(['--data-dir=']), message: /--data-dir needs a value/ },
    ...['-1', '65536', '99999', '8e3', '0x50', '80.0', 'abc', ' 80', '123456'].map((port) => ({
      name: `port ${JSON.stringify(port)}`,
      input: linux(['--port', port]),
      message: /--port must be a whole number from 0 to 65535/,
    })),
    { name: 'a bad KOMA_PORT names the variable', input: linux([], { KOMA_PORT: 'eighty' }), message: /KOMA_PORT must be a whole number/ },
    { name: 'a bad KOMA_PORT is not hidden by defaults', input: linux(['--no-open'], { KOMA_PORT: '70000' }), message: /KOMA_PORT/ },
  ];
  it.each(cases)('$name', ({ input, message }) => {
    const parsed = parseBrowserModeArgs(input);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' && parsed.message).toMatch(message);
  });

  it('a good --port hides a bad KOMA_PORT, as the command line wins', () => {
    expect(parseBrowserModeArgs(linux(['--port', '5000'], { KOMA_PORT: 'bad' }))).toMatchObject({ kind: 'run', options: { port: 5000 } });
  });

  it.each([['--help'], ['-h']])('%s asks for the usage', (flag) => {
    expect(parseBrowserModeArgs(linux(['--port', '1', flag]))).toEqual({ kind: 'help' });
  });
});

describe('defaultDataDir', () => {
  const cases: { platform: NodeJS.Platform; env: ArgsEnvironment['env']; home: string; expected: string }[] = [
    { platform: 'linux', env: {}, home: '/home/rep', expected: '/home/rep/.local/share/koma' },
    { platform: 'linux', env: { XDG_DATA_HOME: '/xdg' }, home: '/home/rep', expected: '/xdg/koma' },
    // The XDG spec: a relative XDG_DATA_HOME is invalid and ignored.
    { platform: 'linux', env: { XDG_DATA_HOME: 'rel' }, home: '/home/rep', expected: '/home/rep/.local/share/koma' },
    { platform: 'freebsd', env: {}, home: '/usr/home/rep', expected: '/usr/home/rep/.local/share/koma' },
    { platform: 'darwin', env: { XDG_DATA_HOME: '/xdg' }, home: '/Users/rep', expected: '/Users/rep/Library/Application Support/Koma' },
    { platform: 'win32', env: { APPDATA: 'C:\\Users\\rep\\AppData\\Roaming' }, home: 'C:\\Users\\rep', expected: 'C:\\Users\\rep\\AppData\\Roaming\\Koma' },
    { platform: 'win32', env: {}, home: 'C:\\Users\\rep', expected: 'C:\\Users\\rep\\AppData\\Roaming\\Koma' },
  ];
  it.each(cases)('$platform $env', ({ platform, env, home, expected }) => {
    expect(defaultDataDir(platform, env, home)).toBe(expected);
  });

  it('a Windows relative --data-dir resolves with Windows paths', () => {
    const parsed = parseBrowserModeArgs({ argv: ['--data-dir', 'data'], env: {}, platform: 'win32', homeDir: 'C:\\Users\\rep', cwd: 'C:\\work' });
    expect(parsed).toMatchObject({ kind: 'run', options: { dataDir: 'C:\\work\\data' } });
  });
});
