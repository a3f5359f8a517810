import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { KomaError } from '../../../../shared/contract';
import type { InvalidRow } from '../../../../shared/contract/imports';
import type { FeatureHandlers } from '../../core/registry';
import { ImportFailure } from './failure';
import { importJobs } from './jobs';
import { previewCsv } from './preview';
import { startImport } from './runImport';

export const sampleCallListFile = 'sample-call-list.csv';

function bytesOf(contentBase64: string): Uint8Array {
  return Buffer.from(contentBase64, 'base64');
}

export const importHandlers: FeatureHandlers = {
  'import.preview': async (input) => {
    try {
      return await previewCsv(bytesOf(input.contentBase64));
    } catch (error) {
      if (error instanceof ImportFailure) throw new KomaError('invalid_input', error.message);
      throw error;
    }
  },

  'import.start': (input, ctx) =>
    startImport(ctx, { fileName: input.fileName, load: () => Promise.resolve(bytesOf(input.contentBase64)) }, input.mapping),

  'import.startSample': (_input, ctx) =>
    startImport(
      ctx,
      {
        fileName: sampleCallListFile,
        load: async () => {
          try {
            return await readFile(join(ctx.resourcesDir, sampleCallListFile));
          } catch {
            throw new ImportFailure("The sample call list is missing from the app's resources");
          }
        },
      },
      'auto',
    ),

  'import.report': (input, ctx) => {
    const stored = ctx.db.prepare('SELECT file_name, report FROM imports WHERE id = ?').get(input.importId) as { file_name: string; report: string } | undefined;
    if (!stored) throw new KomaError('not_found', 'No import with this id');
    return { fileName: stored.file_name, invalid: (JSON.parse(stored.report) as { invalid: InvalidRow[] }).invalid };
  },

  'import.status': (input, ctx) => {
    const job = importJobs(ctx.db).get(input.jobId);
    if (!job) throw new KomaError('not_found', 'No import job with this id; it may have finished long ago');
    return job;
  },
};
