import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Fault, FakeOptions, FakeRecord, FakeStats } from '../../fakes/fakeSalesforce';
import { repoRoot } from './paths';

/** The fake Salesforce in a process of its own, driven over its /__fake/ control routes. */
export interface FakeCrm {
  readonly url: string;
  /** Every connection dropped unanswered, as if the network or the org were gone. */
  down(): Promise<void>;
  up(): Promise<void>;
  addFaults(...faults: Fault[]): Promise<void>;
  /** Changes the org (fields, permissions, picklists), as its admin would. */
  setOptions(patch: Partial<FakeOptions>): Promise<void>;
  records(sobject: string): Promise<FakeRecord[]>;
  stats(): Promise<FakeStats>;
  stop(): Promise<void>;
}

const urlLine = /^FAKE_SALESFORCE_URL=(http:\/\/127\.0\.0\.1:\d+)$/m;
const startTimeoutMs = 20_000;

/**
 * Bundles test/fakes/fakeSalesforceServer.ts with esbuild into a temp folder, its packages
 * included (node resolves a package from the bundle's own folder, which has no node_modules), and
 * starts it with node. Resolves
 * once it prints its address.
 */
export async function startFakeCrm(): Promise<FakeCrm> {
  const dir = mkdtempSync(join(tmpdir(), 'koma-fake-crm-'));
  const outfile = join(dir, 'fakeSalesforceServer.cjs');
  let child: ChildProcess;
  let url: string;
  try {
    await build({
      entryPoints: [join(repoRoot, 'test/fakes/fakeSalesforceServer.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      logLevel: 'warning',
    });
    child = spawn(process.execPath, [outfile], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    url = await new Promise<string>((done, fail) => {
      let out = '';
      let err = '';
      const timer = setTimeout(() => fail(new Error(`the fake Salesforce did not start within ${startTimeoutMs} ms.\n${out}\n${err}`)), startTimeoutMs);
      child.stderr!.setEncoding('utf8').on('data', (text: string) => (err += text));
      child.stdout!.setEncoding('utf8').on('data', (text: string) => {
        out += text;
        const found = urlLine.exec(out);
        if (!found) return;
        clearTimeout(timer);
        done(found[1]!);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`the fake Salesforce exited (code ${code}) before it was ready.\n${out}\n${err}`));
      });
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  async function control(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${url}/__fake/${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`fake Salesforce: ${method} /__fake/${path} answered ${response.status}`);
    return response.json();
  }

  return {
    url,
    down: async () => void (await control('POST', 'down')),
    up: async () => void (await control('POST', 'up')),
    addFaults: async (...faults) => void (await control('POST', 'faults', faults)),
    setOptions: async (patch) => void (await control('POST', 'options', patch)),
    records: async (sobject) => (await control('GET', `records?type=${encodeURIComponent(sobject)}`)) as FakeRecord[],
    stats: async () => (await control('GET', 'stats')) as FakeStats,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
