import { z } from 'zod';

export const leadStatuses = ['new', 'working', 'callback', 'recycled', 'excluded', 'qualified'] as const;
export const leadStatusSchema = z.enum(leadStatuses);
export type LeadStatus = z.infer<typeof leadStatusSchema>;

export const leadSources = ['web_inquiry', 'seminar', 'exhibition', 'content_download', 'outbound_list', 'referral', 'other'] as const;
export const leadSourceSchema = z.enum(leadSources);
export type LeadSource = z.infer<typeof leadSourceSchema>;

export const customerStages = ['awareness', 'lead_captured', 'nurturing', 'hot_lead', 'appointment', 'opportunity'] as const;
export const customerStageSchema = z.enum(customerStages);

/** One row of the call list as the renderer shows it. */
export const callListRowSchema = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  fullName: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  source: leadSourceSchema,
  status: leadStatusSchema,
  score: z.number().int(),
});
export type CallListRow = z.infer<typeof callListRowSchema>;

export const callListInput = z.object({
  search: z.string().trim().max(200).default(''),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export const callListOutput = z.object({
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  rows: z.array(callListRowSchema),
});
