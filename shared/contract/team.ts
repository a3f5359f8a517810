import { z } from 'zod';

/** A Salesforce record id (15 or 18 characters): a role, a public group or a user. */
const crmId = z.string().regex(/^[a-zA-Z0-9]{15,18}$/, 'a Salesforce Id (15 or 18 letters and digits)');

/** Who the manager watches: everyone in a role, in a public group, or a list of users. */
export const teamSelectionSchema = z
  .object({
    kind: z.enum(['role', 'group', 'users']),
    ids: z.array(crmId).min(1).max(200),
  })
  .strict();
export type TeamSelection = z.infer<typeof teamSelectionSchema>;

/**
 * Manager mode: a manager's Koma still works its own list and adds the Team screen, which reads the
 * team's figures from the CRM (docs/kpi.md, "The team view"). `goal`: the team's opportunities
 * wanted this month, worked backward with the same maths as a rep's goal.
 */
export const teamSettingsSchema = z
  .object({
    mode: z.enum(['rep', 'manager']),
    team: teamSelectionSchema.nullable(),
    goal: z.number().int().min(0).max(100_000),
  })
  .strict();
export type TeamSettings = z.infer<typeof teamSettingsSchema>;
export const defaultTeamSettings: TeamSettings = { mode: 'rep', team: null, goal: 0 };

const stage = z.enum(['connect', 'conversation', 'opportunity']);
const rateOrNull = z.number().nullable();

export const teamFiguresSchema = z.object({
  dials: z.number().int(),
  connects: z.number().int(),
  /** null when the org does not carry Koma's conversation field (settings: activity). */
  conversations: z.number().int().nullable(),
  appointments: z.number().int(),
  opportunities: z.number().int(),
  rates: z.object({ connect: rateOrNull, conversation: rateOrNull, opportunity: rateOrNull, appointment: rateOrNull }),
  /** Call blocks planned this month (Events) and 30-minute koma with calls (used). */
  plannedSlots: z.number().int(),
  usedSlots: z.number().int().nullable(),
  /** Field sales' answers on this month's handoffs. */
  handoffs: z.object({ accepted: z.number().int(), meetingHeld: z.number().int(), rejected: z.number().int(), unanswered: z.number().int() }),
  bottleneck: stage.nullable(),
});
export type TeamFigures = z.infer<typeof teamFiguresSchema>;

export const teamViewSchema = z.object({
  /** When the CRM was read; the view shown offline is this one, marked stale. */
  fetchedAt: z.string(),
  month: z.string(),
  selection: teamSelectionSchema,
  reps: z.array(teamFiguresSchema.extend({ userId: z.string(), name: z.string() })),
  team: teamFiguresSchema,
  goal: z.object({
    goal: z.number().int(),
    achieved: z.number().int(),
    remaining: z.number().int(),
    status: z.enum(['met', 'reachable', 'short', 'not_enough_data']),
    dialsNeeded: z.number().int().nullable(),
    callSlotsNeeded: z.number().int().nullable(),
    callSlotsPlanned: z.number().int(),
    assumed: z.array(stage),
  }),
  rejections: z.array(z.object({ userId: z.string(), opportunity: z.string(), reason: z.string().nullable(), at: z.string() })),
  trend: z.array(z.object({ weekStart: z.string(), dials: z.number().int(), connects: z.number().int(), opportunities: z.number().int() })),
  /** API requests this refresh cost, and what a refresh costs for 10 and 50 reps. */
  requests: z.number().int(),
  requestBound: z.object({ reps10: z.number().int(), reps50: z.number().int() }),
});
export type TeamView = z.infer<typeof teamViewSchema>;

/** The cached view with whether it is current; `problem` says why a refresh could not read the CRM. */
export const teamStateSchema = z.object({
  settings: teamSettingsSchema,
  view: teamViewSchema.nullable(),
  stale: z.boolean(),
  problem: z.enum(['offline', 'signed_out', 'not_available', 'quota', 'no_team', 'crm_error']).nullable(),
  problemDetail: z.string().nullable(),
  /** The earliest an automatic refresh reads the CRM again (at most every 15 minutes). */
  nextAutoRefreshAt: z.string().nullable(),
});
export type TeamState = z.infer<typeof teamStateSchema>;

const empty = z.object({}).strict();
export const teamCommands = {
  'team.view': { input: empty, output: teamStateSchema },
  /** `auto`: the screen's timer, honoured at most every 15 minutes; otherwise the refresh button. */
  'team.refresh': { input: z.object({ auto: z.boolean().default(false) }).strict(), output: teamStateSchema },
  'team.saveSettings': { input: z.object({ settings: teamSettingsSchema }).strict(), output: teamStateSchema },
} as const;
