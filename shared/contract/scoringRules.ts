import { z } from 'zod';

export const behaviourKinds = ['web_visit', 'content_download', 'free_trial', 'quote_request', 'seminar'] as const;
export const behaviourKindSchema = z.enum(behaviourKinds);
export type BehaviourKind = z.infer<typeof behaviourKindSchema>;

export const titleLevels = ['executive', 'manager', 'staff'] as const;

const points = z.number().int().min(0).max(100);

/**
 * Lead scoring against the ideal customer profile. Attribute (who they are) weighs more than
 * behaviour (what they did) by default: attribute tops out at 60, behaviour is capped at 40.
 */
export const scoringRulesSchema = z
  .object({
    sizeBands: z.array(z.object({ minEmployees: z.number().int().min(0), points })).min(1).max(20),
    industries: z.array(z.object({ keyword: z.string().min(1).max(50), points })).max(100),
    otherIndustryPoints: points,
    titles: z.array(z.object({ level: z.enum(titleLevels), keywords: z.array(z.string().min(1).max(30)).min(1).max(50), points })).max(10),
    behaviourPoints: z.record(behaviourKindSchema, points),
    /** A behaviour event counts half as much after this many days. */
    halfLifeDays: z.number().int().min(1).max(365),
    behaviourCap: points,
  })
  .strict();
export type ScoringRules = z.infer<typeof scoringRulesSchema>;

export const defaultScoringRules: ScoringRules = {
  sizeBands: [
    { minEmployees: 1000, points: 20 },
    { minEmployees: 300, points: 15 },
    { minEmployees: 100, points: 10 },
    { minEmployees: 30, points: 5 },
    { minEmployees: 0, points: 0 },
  ],
  industries: [
    { keyword: 'IT', points: 20 },
    { keyword: '通信', points: 20 },
    { keyword: 'ソフトウェア', points: 20 },
    { keyword: 'Software', points: 20 },
    { keyword: '製造', points: 15 },
    { keyword: 'Manufacturing', points: 15 },
    { keyword: '金融', points: 10 },
    { keyword: 'Finance', points: 10 },
  ],
  otherIndustryPoints: 5,
  titles: [
    { level: 'executive', keywords: ['代表', '社長', '取締役', '役員', 'CEO', 'CTO', 'CIO', 'COO', 'CFO', 'President', 'Director', 'VP'], points: 20 },
    { level: 'manager', keywords: ['本部長', '部長', '課長', 'マネージャー', 'マネジャー', 'リーダー', 'Manager', 'Head', 'Lead'], points: 12 },
    { level: 'staff', keywords: ['主任', '係長', '担当', 'Staff', 'Specialist'], points: 4 },
  ],
  behaviourPoints: { web_visit: 2, content_download: 8, free_trial: 20, quote_request: 25, seminar: 10 },
  halfLifeDays: 30,
  behaviourCap: 40,
};
