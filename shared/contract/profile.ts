import { z } from 'zod';

/** How S dials: see shared/domain/dial/dialUrl.ts for each scheme and its vendor's page. */
export const dialModes = ['tel', 'callto', 'zoomphone', 'dialpad', 'timer'] as const;
export type DialMode = (typeof dialModes)[number];

/**
 * The rep using this desk; their name is recorded as who heard each hearing version. `dialMode` is
 * what S does: hand a `tel:` link to the softphone, or only start the timer (the rep dials on a desk
 * phone); unset, the desktop app dials and browser mode only times, so the keyboard never lands in
 * an OS protocol prompt.
 */
export const profileSchema = z.object({ repName: z.string().trim().max(100), dialMode: z.enum(dialModes).optional() }).strict();
export type Profile = z.infer<typeof profileSchema>;
