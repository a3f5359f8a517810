import { z } from 'zod';

export const appInfoOutput = z.object({
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  databasePath: z.string(),
  leadCount: z.number().int().min(0),
});
export type AppInfo = z.infer<typeof appInfoOutput>;
