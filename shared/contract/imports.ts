import { z } from 'zod';

/** Lead fields a CSV column can be mapped to. Order is the order of the mapping form. */
export const importFields = [
  'companyName',
  'lastName',
  'firstName',
  'fullName',
  'phone',
  'email',
  'title',
  'department',
  'industry',
  'employees',
  'source',
  'website',
  'address',
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

export const csvFileSchema = z.object({
  fileName: z.string().min(1).max(260),
  /** The file's raw bytes, base64: the backend detects the encoding, not the renderer. */
  contentBase64: z
    .string()
    .max(Math.ceil(maxImportBytes / 3) * 4, 'file is larger than 64 MB')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'content is not base64'),
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
  invalid: z.array(invalidRowSchema),
});
export type ImportResult = z.infer<typeof importResultSchema>;

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
