import { z } from 'zod';

/** The rep using this desk; their name is recorded as who heard each hearing version. */
export const profileSchema = z.object({ repName: z.string().trim().max(100) }).strict();
export type Profile = z.infer<typeof profileSchema>;
