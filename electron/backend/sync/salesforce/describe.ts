import { z } from 'zod';

/**
 * An object's describe (GET /services/data/vXX.X/sobjects/{object}/describe), the part Koma reads:
 * what the signed-in user may do with the object and each field. The field properties are the
 * Object Reference's "API Field Properties" (Create, Update, Nillable, Defaulted on create,
 * Restricted picklist, External ID).
 */
const describeFieldSchema = z.object({
  name: z.string(),
  type: z.string(),
  length: z.number().default(0),
  createable: z.boolean(),
  updateable: z.boolean(),
  nillable: z.boolean().default(true),
  defaultedOnCreate: z.boolean().default(false),
  externalId: z.boolean().default(false),
  restrictedPicklist: z.boolean().default(false),
  picklistValues: z.array(z.object({ value: z.string(), active: z.boolean().default(true) })).default([]),
  referenceTo: z.array(z.string()).default([]),
});

export const objectDescribeSchema = z.object({
  name: z.string(),
  createable: z.boolean(),
  updateable: z.boolean(),
  fields: z.array(describeFieldSchema),
});
export type ObjectDescribe = z.infer<typeof objectDescribeSchema>;
export type DescribeField = ObjectDescribe['fields'][number];

/**
 * Describes cached for one session: each object Koma writes is described once per sign-in, API
 * version and instance, not once per send. A failed describe is not cached.
 */
export class DescribeCache {
  private key: string | null = null;
  private readonly cache = new Map<string, Promise<ObjectDescribe>>();

  constructor(
    private readonly sessionKey: () => string | null,
    private readonly load: (sobject: string, signal: AbortSignal) => Promise<ObjectDescribe>,
  ) {}

  describe(sobject: string, signal: AbortSignal): Promise<ObjectDescribe> {
    const key = this.sessionKey();
    if (key !== this.key) {
      this.cache.clear();
      this.key = key;
    }
    let entry = this.cache.get(sobject);
    if (!entry) {
      entry = this.load(sobject, signal);
      this.cache.set(sobject, entry);
      entry.catch(() => {
        if (this.cache.get(sobject) === entry) this.cache.delete(sobject);
      });
    }
    return entry;
  }

  /** Forget everything (a new sign-in, the admin changed the org and the rep asked to check again). */
  clear(): void {
    this.cache.clear();
  }
}
