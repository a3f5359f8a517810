import { z } from 'zod';

/** Lead fields a CSV column can be mapped to. Order is the order of the mapping form. */
export const importFields = [
  'companyName',
  'companyReading',
  'corporateNumber',
  'companyPhone',
  'lastName',
  'firstName',
  'fullName',
  'lastNameReading',
  'firstNameReading',
  'nameReading',
  'phone',
  'email',
  'title',
  'department',
  'industry',
  'employees',
  'source',
  'website',
  'address',
  /** Free text about the person (説明 / 備考 / Description / Notes): lands in the lead's notes. */
  'notes',
] as const;
export const importFieldSchema = z.enum(importFields);
export type ImportField = z.infer<typeof importFieldSchema>;

/** field → zero-based column index; null or absent when the file has no such column. */
export const columnMappingSchema = z.partialRecord(importFieldSchema, z.number().int().min(0).max(999).nullable());
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const csvEncodings = ['utf-8', 'utf-8-bom', 'shift_jis'] as const;
export const csvEncodingSchema = z.enum(csvEncodings);
export type CsvEncoding = z.infer<typeof csvEncodingSchema>;

/** 100,000 rows of a wide CRM export stay well under this. */
export const maxImportBytes = 64 * 1024 * 1024;

const outsideBase64 = /[^A-Za-z0-9+/=]/;

/**
 * Base64's alphabet, with `=` only as the last one or two characters. Checked on the transport
 * thread, which every request shares, for bodies of up to 85 MB: a search for one character outside
 * the alphabet measured ten times faster than the anchored `^[A-Za-z0-9+/]*={0,2}$` (44 against
 * 472 ms for a 15 MB file at load 7), time during which a call logged meanwhile waited.
 */
export function isBase64(text: string): boolean {
  if (outsideBase64.test(text)) return false;
  const padding = text.indexOf('=');
  return padding === -1 || (padding >= text.length - 2 && text.endsWith('='.repeat(text.length - padding)));
}

export const csvFileSchema = z.object({
  fileName: z.string().min(1).max(260),
  /** The file's raw bytes, base64: the backend detects the encoding, not the renderer. */
  contentBase64: z
    .string()
    .max(Math.ceil(maxImportBytes / 3) * 4, 'file is larger than 64 MB')
    .refine(isBase64, 'content is not base64'),
});

export const importPreviewOutput = z.object({
  encoding: csvEncodingSchema,
  headers: z.array(z.string()),
  mapping: columnMappingSchema,
  sampleRows: z.array(z.array(z.string())),
  rowCount: z.number().int().min(0),
});
export type ImportPreview = z.infer<typeof importPreviewOutput>;

export const importStartInput = csvFileSchema.extend({ mapping: columnMappingSchema });

export const invalidRowSchema = z.object({
  /** 1-based line of the data row in the file, counting the header as row 1. */
  row: z.number().int().min(1),
  reasons: z.array(z.string()),
  values: z.array(z.string()),
});
export type InvalidRow = z.infer<typeof invalidRowSchema>;

export const importResultSchema = z.object({
  importId: z.string(),
  fileName: z.string(),
  encoding: csvEncodingSchema,
  totalRows: z.number().int().min(0),
  inserted: z.number().int().min(0),
  updated: z.number().int().min(0),
  /** Blank rows: inserted + updated + invalidCount + skipped = totalRows, always. */
  skipped: z.number().int().min(0),
  invalidCount: z.number().int().min(0),
  /** The first invalid rows only (see invalidRowsInResult); 'import.report' has them all. */
  invalid: z.array(invalidRowSchema),
  /** Rows imported with a warning, e.g. characters a Shift_JIS file could not represent (first ones only). */
  warnings: z.array(z.object({ row: z.number().int().min(1), column: z.number().int().min(1), message: z.string() })),
  /** Pairs of leads this import made that may be one person: reviewed on the duplicates screen. */
  possibleDuplicates: z.number().int().min(0),
});
export type ImportResult = z.infer<typeof importResultSchema>;

/** Enough invalid rows in a status answer to see what went wrong, small whatever the file. */
export const invalidRowsInResult = 100;

export const importReportInput = z.object({ importId: z.string().min(1).max(100) });
export const importReportOutput = z.object({ fileName: z.string(), invalid: z.array(invalidRowSchema) });

export const importPhases = ['decoding', 'parsing', 'writing', 'done', 'failed'] as const;
export const importJobSchema = z.object({
  jobId: z.string(),
  phase: z.enum(importPhases),
  processed: z.number().int().min(0),
  total: z.number().int().min(0),
  result: importResultSchema.optional(),
  error: z.string().optional(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
