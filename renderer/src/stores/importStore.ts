import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  maxImportBytes,
  type ColumnMapping,
  type ImportField,
  type ImportJob,
  type ImportPreview,
  type ImportResult,
} from '../../../shared/contract/imports';
import type { KomaClient } from '../api/client';
import { bytesToBase64 } from '../lib/base64';
import { invalidRowsCsv, reportFileName, type ReportLabels } from '../lib/invalidRowsCsv';
import { problem, toProblem, type Problem } from '../lib/problem';
import { readFileBytes } from '../lib/readFileBytes';
import { csvBlob, type SaveFile } from '../lib/saveFile';

export type ImportStep = 'choose' | 'reading' | 'preview' | 'running' | 'done';

export interface CsvFile {
  fileName: string;
  contentBase64: string;
}

export interface ImportOptions {
  /** How often a running job is asked for progress. */
  pollMs: number;
  saveFile: SaveFile;
  /** Called once a job ends, whatever its outcome, so the lists can show what changed. */
  onFinished: () => void;
}

export interface ImportState {
  open: boolean;
  step: ImportStep;
  source: 'file' | 'sample';
  file: CsvFile | null;
  preview: ImportPreview | null;
  mapping: ColumnMapping | null;
  job: ImportJob | null;
  result: ImportResult | null;
  problem: Problem | null;
  openDialog(): void;
  closeDialog(): void;
  chooseFile(file: File): Promise<void>;
  chooseAnotherFile(): void;
  setMapping(field: ImportField, column: number | null): void;
  start(): Promise<void>;
  startSample(): Promise<void>;
  /** Saves every invalid row: the status answer holds the first ones only, so the full list is asked for. */
  saveReport(labels: ReportLabels & { fileSuffix: string }): Promise<void>;
}

export type ImportStore = StoreApi<ImportState>;

const fresh = {
  step: 'choose',
  source: 'file',
  file: null,
  preview: null,
  mapping: null,
  job: null,
  result: null,
  problem: null,
} as const satisfies Partial<ImportState>;

export function bytesLimitInMegabytes(): number {
  return maxImportBytes / (1024 * 1024);
}

/** The import dialog's flow: file → preview and mapping → a job polled to the end → its summary. */
export function createImportStore(client: KomaClient, options: ImportOptions): ImportStore {
  // Each chosen file and each started job gets a ticket; an answer for an older ticket is ignored.
  let fileTicket = 0;
  let activeJobId: string | null = null;

  return createStore<ImportState>()((set, get) => {
    const stepAfterFailure = (): ImportStep => (get().preview ? 'preview' : 'choose');

    const fail = (reason: Problem) => {
      activeJobId = null;
      set({ step: stepAfterFailure(), problem: reason });
    };

    const track = (job: ImportJob) => {
      activeJobId = job.jobId;
      set({ job });
      if (job.phase === 'done' || job.phase === 'failed') {
        activeJobId = null;
        if (job.phase === 'done' && job.result) set({ step: 'done', result: job.result });
        else fail(problem('import_failed', job.error ?? ''));
        options.onFinished();
        return;
      }
      setTimeout(() => void poll(job.jobId), options.pollMs);
    };

    const poll = async (jobId: string) => {
      if (activeJobId !== jobId) return;
      try {
        const job = await client.invoke('import.status', { jobId });
        if (activeJobId === jobId) track(job);
      } catch (error) {
        if (activeJobId === jobId) fail(toProblem(error));
      }
    };

    const run = async (startJob: () => Promise<ImportJob>) => {
      try {
        track(await startJob());
      } catch (error) {
        fail(toProblem(error));
      }
    };

    return {
      open: false,
      ...fresh,
      openDialog() {
        // A running job keeps its progress view; anything else starts over.
        if (get().step === 'running') set({ open: true });
        else set({ open: true, ...fresh });
      },
      closeDialog() {
        if (get().step !== 'running') fileTicket++;
        set({ open: false });
      },
      async chooseFile(file) {
        const ticket = ++fileTicket;
        if (file.size > maxImportBytes) {
          set({ step: 'choose', preview: null, problem: problem('file_too_large', file.name) });
          return;
        }
        set({ step: 'reading', file: null, preview: null, mapping: null, problem: null });
        let csv: CsvFile;
        try {
          csv = { fileName: file.name, contentBase64: bytesToBase64(await readFileBytes(file)) };
        } catch (error) {
          if (ticket === fileTicket) set({ step: 'choose', problem: problem('file_unreadable', error instanceof Error ? error.message : '') });
          return;
        }
        try {
          const preview = await client.invoke('import.preview', csv);
          if (ticket === fileTicket) set({ step: 'preview', file: csv, preview, mapping: { ...preview.mapping } });
        } catch (error) {
          if (ticket === fileTicket) set({ step: 'choose', problem: toProblem(error) });
        }
      },
      chooseAnotherFile() {
        fileTicket++;
        set({ ...fresh });
      },
      setMapping(field, column) {
        const mapping = get().mapping;
        if (mapping) set({ mapping: { ...mapping, [field]: column } });
      },
      async start() {
        const { file, mapping } = get();
        if (!file || !mapping || get().step === 'running') return;
        set({ step: 'running', source: 'file', job: null, result: null, problem: null });
        await run(() => client.invoke('import.start', { ...file, mapping }));
      },
      async startSample() {
        if (get().step === 'running') {
          set({ open: true });
          return;
        }
        fileTicket++;
        set({ ...fresh, open: true, step: 'running', source: 'sample' });
        await run(() => client.invoke('import.startSample', {}));
      },
      async saveReport({ fileSuffix, ...labels }) {
        const { result, preview } = get();
        if (!result || result.invalidCount === 0) return;
        let rows = result.invalid;
        if (result.invalidCount > rows.length) {
          try {
            rows = (await client.invoke('import.report', { importId: result.importId })).invalid;
          } catch (error) {
            set({ problem: toProblem(error) });
            return;
          }
        }
        const csv = invalidRowsCsv(rows, preview?.headers ?? [], labels);
        options.saveFile(reportFileName(result.fileName, fileSuffix), csvBlob(csv));
      },
    };
  });
}
