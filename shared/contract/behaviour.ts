import { z } from 'zod';
import { csvFileSchema, invalidRowSchema } from './imports';

/** A behaviour events file (lead email or CRM id, event kind, time), as raw bytes: the backend detects the encoding. */
export const behaviourImportInput = csvFileSchema.strict();

export const behaviourImportResultSchema = z.object({
  /** Events written. */
  imported: z.number().int().min(0),
  /** Valid rows whose event (same lead, kind and time) was already stored or earlier in the file. */
  duplicates: z.number().int().min(0),
  /** Leads re-scored (and re-placed in the queue) because they got new events. */
  rescored: z.number().int().min(0),
  invalid: z.array(invalidRowSchema),
});
export type BehaviourImportResult = z.infer<typeof behaviourImportResultSchema>;
