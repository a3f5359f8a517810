import { z } from 'zod';
import { leadStatusSchema } from './leads';

const id = z.string().min(1).max(100);

export const duplicateReasons = ['same_name_other_email', 'same_mobile_other_company'] as const;

export const duplicatePersonSchema = z.object({
  leadId: z.string(),
  fullName: z.string(),
  nameReading: z.string().nullable(),
  companyName: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: leadStatusSchema,
  crmId: z.string().nullable(),
  calls: z.number().int(),
  hearings: z.number().int(),
});
export type DuplicatePerson = z.infer<typeof duplicatePersonSchema>;

export const duplicatePairSchema = z.object({
  id: z.string(),
  reason: z.enum(duplicateReasons),
  createdAt: z.string(),
  a: duplicatePersonSchema,
  b: duplicatePersonSchema,
});
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

/** The open pairs a screen shows at once; the rest wait their turn. */
export const duplicatesPageSize = 100;

export const duplicateCommands = {
  list: z.object({}).strict(),
  listOutput: z.object({ total: z.number().int().min(0), pairs: z.array(duplicatePairSchema) }),
  merge: z.object({ duplicateId: id, keepLeadId: id }).strict(),
  mergeOutput: z.object({ keptLeadId: z.string() }),
  keepSeparate: z.object({ duplicateId: id }).strict(),
};
