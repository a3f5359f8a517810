import { z } from 'zod';

const id = z.string().min(1).max(100);

/**
 * https everywhere; plain http only to the loopback address, which never leaves the machine (a
 * local test server, a fake CRM). Anything else would send tokens or signed payloads in clear.
 */
export function isSafeUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]');
}

const safeUrl = z.string().max(2000).refine(isSafeUrl, 'use an https:// address (http:// only for 127.0.0.1)');

/** A Salesforce API name: standard (Status) or custom (Koma_Id__c). Never built from anything else. */
const apiName = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/, 'a Salesforce API name such as Koma_Id__c');
/** A picklist value as the org spells it. */
const picklistValue = z.string().trim().min(1).max(255);

export const connectorKinds = ['none', 'salesforce', 'hubspot', 'kintone', 'webhook'] as const;
export const connectorKindSchema = z.enum(connectorKinds);
export type ConnectorKind = z.infer<typeof connectorKindSchema>;

/**
 * Where Koma's data lands in the org. Every field is configurable because orgs name their custom
 * fields their own way; a null field is simply not sent (the org does not track it).
 */
export const salesforceSettingsSchema = z
  .object({
    /** https://login.salesforce.com, https://test.salesforce.com or the org's My Domain. */
    loginUrl: safeUrl,
    /** The External Client App's consumer key; there is no secret (PKCE). */
    clientId: z.string().trim().max(300),
    apiVersion: z.string().regex(/^v\d{2,3}\.0$/, 'like v67.0'),
    /** The loopback port of the callback URL registered on the app: http://127.0.0.1:PORT/callback. 0 picks a free port (only for servers that accept any loopback port). */
    callbackPort: z.number().int().min(0).max(65535),
    /** The external id field Koma upserts by, on Lead, Contact, Account, Opportunity and Task. */
    externalIdField: apiName,
    /**
     * A handoff converts the Lead (Salesforce's lead conversion: Account, Contact, Opportunity from
     * the Lead), or, for orgs that do not convert, creates them beside the still-open Lead.
     */
    handoffMode: z.enum(['convert', 'create_beside']).default('convert'),
    opportunity: z
      .object({
        stageName: picklistValue,
        /** CloseDate when the hearing has no target date: this many days after the handoff. */
        closeDays: z.number().int().min(1).max(3650),
        fields: z
          .object({
            budgetStatus: apiName.nullable(),
            budgetAmount: apiName.nullable(),
            authority: apiName.nullable(),
            need: apiName.nullable(),
            timeline: apiName.nullable(),
            bantConfirmed: apiName.nullable(),
            fieldState: apiName.nullable(),
            fieldReason: apiName.nullable(),
          })
          .strict(),
        /** Field sales' answer as the org's picklist spells it. */
        fieldStates: z.object({ accepted: picklistValue, meeting_held: picklistValue, rejected: picklistValue }).strict(),
      })
      .strict(),
    lead: z
      .object({
        /** Koma's lead status → the org's Lead Status picklist value. */
        statuses: z
          .object({
            new: picklistValue,
            working: picklistValue,
            callback: picklistValue,
            recycled: picklistValue,
            excluded: picklistValue,
            qualified: picklistValue,
          })
          .strict(),
        fields: z.object({ recycleReason: apiName.nullable(), recycleUntil: apiName.nullable(), excludeReason: apiName.nullable() }).strict(),
      })
      .strict(),
    /**
     * Activity (Task and Event) fields the manager's team view counts by: the 30-minute koma a call
     * was made in (used コマ) and whether it was a conversation. Null: not sent, and the team view
     * shows those figures as not available.
     */
    activity: z
      .object({ slotField: apiName.nullable(), conversationField: apiName.nullable() })
      .strict()
      .default({ slotField: 'Koma_Slot__c', conversationField: 'Koma_Conversation__c' }),
  })
  .strict();
export type SalesforceSettings = z.infer<typeof salesforceSettingsSchema>;

/** A HubSpot internal property name (koma_id, hs_lead_status): lower-case letters, digits and underscores. */
const hubspotName = z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, 'a HubSpot internal property name such as koma_id');
const hubspotValue = z.string().trim().min(1).max(255);

/**
 * By default only a handoff moves the lifecycle stage (to Sales Qualified Lead): HubSpot's stages
 * run forward, and a recycle or an exclusion is the rep's call about timing or fit, which the
 * team's own lifecycle rules may read differently (docs/sync.md, HubSpot).
 */
const defaultLifecycleStages = { new: null, working: null, callback: null, recycled: null, excluded: null, qualified: 'salesqualifiedlead' } as const;

/**
 * Where Koma's data lands in a HubSpot account (CRM API v3). Koma's id goes into one unique-value
 * property per object (`idProperty`), by which every record is upserted; a null field is not sent.
 */
export const hubspotSettingsSchema = z
  .object({
    /** https://api.hubapi.com; http only to 127.0.0.1 (a local fake). */
    baseUrl: safeUrl,
    /** The rep's HubSpot login: the owner whose contacts Koma pulls and who owns what Koma writes. */
    ownerEmail: z.string().trim().max(254),
    idProperty: hubspotName,
    deal: z
      .object({
        /** The pipeline's internal id ("default" for the sales pipeline) and the stage a handoff opens in. */
        pipeline: hubspotValue,
        stage: hubspotValue,
        closeDays: z.number().int().min(1).max(3650),
        fields: z
          .object({
            budgetStatus: hubspotName.nullable(),
            budgetAmount: hubspotName.nullable(),
            authority: hubspotName.nullable(),
            need: hubspotName.nullable(),
            timeline: hubspotName.nullable(),
            bantConfirmed: hubspotName.nullable(),
            fieldState: hubspotName.nullable(),
            fieldReason: hubspotName.nullable(),
          })
          .strict(),
        fieldStates: z.object({ accepted: hubspotValue, meeting_held: hubspotValue, rejected: hubspotValue }).strict(),
      })
      .strict(),
    lead: z
      .object({
        /** Koma's lead status → the contact's Lead Status (hs_lead_status) internal value. */
        statuses: z
          .object({
            new: hubspotValue,
            working: hubspotValue,
            callback: hubspotValue,
            recycled: hubspotValue,
            excluded: hubspotValue,
            qualified: hubspotValue,
          })
          .strict(),
        /**
         * Koma's lead status → the contact's lifecycle stage (lifecyclestage) internal value, set when
         * the status changes and by a handoff; null leaves the stage as HubSpot has it. Absent in
         * settings saved before it was a setting: read as the defaults.
         */
        lifecycleStages: z
          .object({
            new: hubspotValue.nullable(),
            working: hubspotValue.nullable(),
            callback: hubspotValue.nullable(),
            recycled: hubspotValue.nullable(),
            excluded: hubspotValue.nullable(),
            qualified: hubspotValue.nullable(),
          })
          .strict()
          .default(() => ({ ...defaultLifecycleStages })),
        fields: z
          .object({
            recycleReason: hubspotName.nullable(),
            recycleUntil: hubspotName.nullable(),
            excludeReason: hubspotName.nullable(),
            doNotCall: hubspotName.nullable(),
          })
          .strict(),
      })
      .strict(),
  })
  .strict();
export type HubSpotSettings = z.infer<typeof hubspotSettingsSchema>;

export const defaultHubSpotSettings: HubSpotSettings = {
  baseUrl: 'https://api.hubapi.com',
  ownerEmail: '',
  idProperty: 'koma_id',
  deal: {
    pipeline: 'default',
    stage: 'appointmentscheduled',
    closeDays: 90,
    fields: {
      budgetStatus: 'koma_budget_status',
      budgetAmount: 'koma_budget_amount',
      authority: 'koma_authority',
      need: 'koma_need',
      timeline: 'koma_timeline',
      bantConfirmed: 'koma_bant_confirmed',
      fieldState: 'koma_field_state',
      fieldReason: 'koma_field_reason',
    },
    fieldStates: { accepted: 'accepted', meeting_held: 'meeting_held', rejected: 'rejected' },
  },
  lead: {
    statuses: { new: 'NEW', working: 'IN_PROGRESS', callback: 'CONNECTED', recycled: 'BAD_TIMING', excluded: 'UNQUALIFIED', qualified: 'OPEN_DEAL' },
    lifecycleStages: { ...defaultLifecycleStages },
    fields: { recycleReason: 'koma_recycle_reason', recycleUntil: 'koma_recycle_until', excludeReason: 'koma_exclude_reason', doNotCall: 'koma_do_not_call' },
  },
};

/**
 * A kintone field code as the app's form shows it (姓, 会社名, koma_id). It goes into queries, so
 * nothing that could end or extend one: no spaces, quotes, brackets, operators or commas, and not
 * starting with a digit (kintone's own rule for field codes).
 */
const kintoneCode = z.string().regex(/^[^\s\d"'()=!<>,\\][^\s"'()=!<>,\\]{0,127}$/, 'a kintone field code such as 会社名 or koma_id');
/** An app's id, as its URL shows it (https://<subdomain>.cybozu.com/k/123/); empty until entered. */
const kintoneAppId = z.string().trim().regex(/^\d{0,10}$/, 'the number in the app\'s URL, such as 123');
const kintoneOption = z.string().trim().min(1).max(255);

/**
 * Where Koma's data lands in kintone: three apps (leads, call log, handoffs), each with its own API
 * token (kept in the secret store), and the field code of everything Koma writes. Koma's id goes
 * into a 重複禁止 (unique) text field of each app, by which every record is upserted.
 */
export const kintoneSettingsSchema = z
  .object({
    /** https://<subdomain>.cybozu.com (or .kintone.com); http only to 127.0.0.1 (a local fake). */
    baseUrl: safeUrl,
    /** The rep's kintone login name: whose leads Koma pulls (担当者) and who owns the leads it adds. */
    ownerLogin: z.string().trim().max(128),
    apps: z.object({ leads: kintoneAppId, calls: kintoneAppId, handoffs: kintoneAppId }).strict(),
    /** The unique (重複禁止) text field holding Koma's id, the same code in all three apps. */
    idField: kintoneCode,
    /** The 更新日時 field's code (apps may rename it): the pull reads changes in its order. */
    updatedField: kintoneCode,
    leadFields: z
      .object({
        lastName: kintoneCode,
        firstName: kintoneCode.nullable(),
        company: kintoneCode,
        title: kintoneCode.nullable(),
        email: kintoneCode.nullable(),
        phone: kintoneCode.nullable(),
        status: kintoneCode,
        doNotCall: kintoneCode.nullable(),
        owner: kintoneCode,
      })
      .strict(),
    callFields: z
      .object({
        lead: kintoneCode,
        kind: kintoneCode,
        at: kintoneCode,
        outcome: kintoneCode,
        durationSec: kintoneCode.nullable(),
        subject: kintoneCode,
        body: kintoneCode,
        nextAction: kintoneCode.nullable(),
      })
      .strict(),
    handoffFields: z
      .object({
        lead: kintoneCode,
        name: kintoneCode,
        company: kintoneCode,
        appointmentAt: kintoneCode.nullable(),
        budgetStatus: kintoneCode.nullable(),
        budgetAmount: kintoneCode.nullable(),
        authority: kintoneCode.nullable(),
        need: kintoneCode.nullable(),
        timeline: kintoneCode.nullable(),
        bantConfirmed: kintoneCode.nullable(),
        package: kintoneCode,
        fieldState: kintoneCode.nullable(),
        fieldReason: kintoneCode.nullable(),
      })
      .strict(),
    /** Field sales' answer as the 営業の回答 drop-down spells it. */
    fieldStates: z.object({ accepted: kintoneOption, meeting_held: kintoneOption, rejected: kintoneOption }).strict(),
    lead: z
      .object({
        /** Koma's lead status → the ステータス drop-down's option. */
        statuses: z
          .object({
            new: kintoneOption,
            working: kintoneOption,
            callback: kintoneOption,
            recycled: kintoneOption,
            excluded: kintoneOption,
            qualified: kintoneOption,
          })
          .strict(),
        fields: z.object({ recycleReason: kintoneCode.nullable(), recycleUntil: kintoneCode.nullable(), excludeReason: kintoneCode.nullable() }).strict(),
      })
      .strict(),
  })
  .strict();
export type KintoneSettings = z.infer<typeof kintoneSettingsSchema>;

export const defaultKintoneSettings: KintoneSettings = {
  baseUrl: 'https://example.cybozu.com',
  ownerLogin: '',
  apps: { leads: '', calls: '', handoffs: '' },
  idField: 'koma_id',
  updatedField: '更新日時',
  leadFields: { lastName: '姓', firstName: '名', company: '会社名', title: '役職', email: 'メールアドレス', phone: '電話番号', status: 'ステータス', doNotCall: '架電禁止', owner: '担当者' },
  callFields: { lead: 'リードID', kind: '種別', at: '日時', outcome: '結果', durationSec: '通話秒数', subject: '件名', body: '内容', nextAction: '次のアクション' },
  handoffFields: {
    lead: 'リードID',
    name: '案件名',
    company: '会社名',
    appointmentAt: 'アポ日時',
    budgetStatus: '予算状況',
    budgetAmount: '予算額',
    authority: '決裁者',
    need: 'ニーズ',
    timeline: '導入時期',
    bantConfirmed: 'BANT確認',
    package: '引き継ぎ内容',
    fieldState: '営業の回答',
    fieldReason: '差し戻し理由',
  },
  fieldStates: { accepted: '受付', meeting_held: '商談実施', rejected: '差し戻し' },
  lead: {
    statuses: { new: '新規', working: '対応中', callback: '再架電', recycled: 'リサイクル', excluded: '除外', qualified: '商談化' },
    fields: { recycleReason: 'リサイクル理由', recycleUntil: 'リサイクル期限', excludeReason: '除外理由' },
  },
};

/** The three apps Koma writes to in kintone, each with its own API token. */
export const kintoneApps = ['leads', 'calls', 'handoffs'] as const;
export type KintoneApp = (typeof kintoneApps)[number];

export const syncSettingsSchema = z
  .object({
    connector: connectorKindSchema,
    /** Koma's own share of the org's daily API requests, in percent. */
    quotaPercent: z.number().min(0.1).max(100),
    /** How often to pull the rep's leads and field sales' answers. */
    pullMinutes: z.number().int().min(1).max(1440),
    salesforce: salesforceSettingsSchema,
    /** Absent in settings saved before HubSpot was a choice: read as the defaults. */
    hubspot: hubspotSettingsSchema.default(() => structuredClone(defaultHubSpotSettings)),
    /** Absent in settings saved before kintone was a choice: read as the defaults. */
    kintone: kintoneSettingsSchema.default(() => structuredClone(defaultKintoneSettings)),
    webhook: z.object({ url: safeUrl.nullable() }).strict(),
  })
  .strict();
export type SyncSettings = z.infer<typeof syncSettingsSchema>;

export const defaultSyncSettings: SyncSettings = {
  connector: 'none',
  quotaPercent: 5,
  pullMinutes: 15,
  salesforce: {
    loginUrl: 'https://login.salesforce.com',
    clientId: '',
    apiVersion: 'v67.0',
    callbackPort: 17170,
    externalIdField: 'Koma_Id__c',
    handoffMode: 'convert',
    opportunity: {
      stageName: 'Qualification',
      closeDays: 90,
      fields: {
        budgetStatus: 'Koma_Budget_Status__c',
        budgetAmount: 'Koma_Budget_Amount__c',
        authority: 'Koma_Authority__c',
        need: 'Koma_Need__c',
        timeline: 'Koma_Timeline__c',
        bantConfirmed: 'Koma_BANT_Confirmed__c',
        fieldState: 'Koma_Field_State__c',
        fieldReason: 'Koma_Field_Reason__c',
      },
      fieldStates: { accepted: 'Accepted', meeting_held: 'Meeting Held', rejected: 'Rejected' },
    },
    lead: {
      statuses: { new: 'New', working: 'Working', callback: 'Working', recycled: 'Nurturing', excluded: 'Unqualified', qualified: 'Qualified' },
      fields: { recycleReason: 'Koma_Recycle_Reason__c', recycleUntil: 'Koma_Recycle_Until__c', excludeReason: 'Koma_Exclude_Reason__c' },
    },
    activity: { slotField: 'Koma_Slot__c', conversationField: 'Koma_Conversation__c' },
  },
  hubspot: defaultHubSpotSettings,
  kintone: defaultKintoneSettings,
  webhook: { url: null },
};

/** Standard Webhooks secret format: whsec_ and 24 to 64 random bytes in base64. */
export const webhookSecretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'a secret like whsec_ followed by base64')
  .refine((s) => {
    const bytes = Math.floor(((s.length - 6) * 3) / 4) - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0);
    return bytes >= 24 && bytes <= 64;
  }, 'the secret must hold 24 to 64 random bytes');

export const syncSettingsView = z.object({
  settings: syncSettingsSchema,
  /** The stored webhook secret, masked (whsec_…abcd); the secret itself never leaves the backend. */
  webhookSecretHint: z.string().nullable(),
  /** The stored HubSpot token, masked (pat-…abcd); the token itself never leaves the backend. */
  hubspotTokenHint: z.string().nullable().optional(),
  /** The stored kintone API tokens, masked, per app; the tokens themselves never leave the backend. */
  kintoneTokenHints: z.object({ leads: z.string().nullable(), calls: z.string().nullable(), handoffs: z.string().nullable() }).optional(),
  /** The callback URL to register on the External Client App. */
  callbackUrl: z.string(),
});

/** An API token as kintone's app settings show it (letters and digits). */
const kintoneTokenSchema = z.string().trim().regex(/^[A-Za-z0-9]{10,200}$/, 'paste the API token as the app settings show it');

export const syncSettingsSaveInput = z
  .object({
    settings: syncSettingsSchema,
    /** Omitted keeps the stored secret; null removes it. */
    webhookSecret: webhookSecretSchema.nullable().optional(),
    /** A HubSpot private app access token, pasted once; omitted keeps the stored one, null removes it. */
    hubspotToken: z.string().trim().regex(/^[A-Za-z0-9_.-]{10,500}$/, 'paste the access token as HubSpot shows it').nullable().optional(),
    /** kintone API tokens, one per app, pasted once; an app omitted keeps its stored token, null removes it. */
    kintoneTokens: z
      .object({ leads: kintoneTokenSchema.nullable().optional(), calls: kintoneTokenSchema.nullable().optional(), handoffs: kintoneTokenSchema.nullable().optional() })
      .strict()
      .optional(),
  })
  .strict();

/** setup_checking: right after sign-in, while the org is read (nothing is sent until it has been). */
export const pauseReasons = ['request_limit', 'koma_budget', 'setup_incomplete', 'setup_checking'] as const;

/**
 * One item of the Salesforce setup check, as an admin would check it: what (kind, object, field),
 * whether it holds, and when not, what is wrong (problem) and what Koma expects.
 */
export const setupCheckItemSchema = z.object({
  id: z.string(),
  /** scope, pipeline, owner: HubSpot's (the token's scopes, the deal pipeline, the rep as an owner). */
  kind: z.enum(['apiVersion', 'objectAccess', 'externalId', 'field', 'picklistValue', 'convertedStatus', 'convertPermission', 'apiLimit', 'scope', 'pipeline', 'owner']),
  ok: z.boolean(),
  /** Sync stays paused while a required item fails. */
  required: z.boolean(),
  object: z.string().nullable(),
  field: z.string().nullable(),
  /** notUnique: a HubSpot property Koma upserts by that does not require unique values. */
  problem: z.enum(['missing', 'readOnly', 'wrongType', 'noValue', 'notExternalId', 'notUnique', 'denied', 'unavailable']).nullable(),
  /** The type, value or version Koma needs. */
  expected: z.string().nullable(),
  /** What the org has (a type, the version list's latest, the daily limit). */
  actual: z.string().nullable(),
});
export type SetupCheckItem = z.infer<typeof setupCheckItemSchema>;
export const setupCheckSchema = z.object({
  /** Which CRM was checked: the screen words the items in that CRM's terms. */
  crm: z.enum(['salesforce', 'hubspot', 'kintone']).optional(),
  checkedAt: z.string(),
  ok: z.boolean(),
  items: z.array(setupCheckItemSchema),
  /**
   * HubSpot: the options the account's own property definitions have, by "object.property"
   * (contacts.hs_lead_status, contacts.lifecyclestage), so the settings can offer and accept them.
   */
  options: z.record(z.string(), z.array(z.string())).optional(),
});
export type SetupCheck = z.infer<typeof setupCheckSchema>;

export const syncStatusSchema = z.object({
  connector: connectorKindSchema,
  /** The connector has what it needs: signed in (Salesforce) or a URL and secret (webhook). */
  configured: z.boolean(),
  signedIn: z.boolean(),
  signingIn: z.boolean(),
  /** False after a request failed to reach the CRM, until one gets through. */
  online: z.boolean(),
  paused: z.object({ reason: z.enum(pauseReasons), message: z.string(), until: z.string().nullable() }).nullable(),
  pending: z.number().int(),
  attention: z.number().int(),
  conflicts: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  apiUsage: z
    .object({
      /** The org's use and daily limit as Salesforce last reported them (Sforce-Limit-Info). */
      used: z.number().int().nullable(),
      max: z.number().int().nullable(),
      komaUsedToday: z.number().int(),
      /** Koma's daily budget: quotaPercent of max; null until the org's max is known. */
      budget: z.number().int().nullable(),
      percent: z.number(),
    })
    .nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

const scalar = z.union([z.string().max(32_000), z.number(), z.boolean(), z.null()]);
/** What the backend shows may be longer than what it accepts back. */
const shownScalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * What an outbox item is about, as fields — the renderer writes the sentence in the rep's language
 * and time zone (never prose built in the backend). `at` is an instant; reasons and outcomes are codes.
 */
export const syncSubjectSchema = z.object({
  kind: z.enum(['call', 'status', 'do_not_call', 'details', 'handoff', 'followup', 'slot', 'slot_removed', 'other']),
  leadName: z.string().nullable(),
  companyName: z.string().nullable(),
  /** When it happened: the call's start, the status change, the handoff's creation. */
  at: z.string().nullable(),
  outcome: z.string().nullable(),
  status: z.string().nullable(),
  reason: z.string().nullable(),
  doNotCall: z.boolean().nullable(),
  correction: z.boolean(),
});
export type SyncSubject = z.infer<typeof syncSubjectSchema>;

export const syncItemSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  entity: z.string(),
  entityId: z.string(),
  op: z.string(),
  state: z.enum(['pending', 'attention']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  /** One line for logs and support (English, UTC): the screen builds its own from `subject`. */
  summary: z.string(),
  subject: syncSubjectSchema.optional(),
  /** The payload's fields the rep may correct, by dotted path. */
  editable: z.array(z.object({ path: z.string(), value: shownScalar })),
});
export type SyncItem = z.infer<typeof syncItemSchema>;

export const syncItemsInput = z
  .object({
    state: z.enum(['pending', 'attention', 'all']).default('all'),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const syncRetryInput = z.union([
  z.object({ ids: z.array(id).min(1).max(1000) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

export const syncEditPayloadInput = z
  .object({
    id,
    patch: z
      .record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/, 'a dotted field path').max(200), scalar)
      .refine((p) => Object.keys(p).length >= 1 && Object.keys(p).length <= 50, 'change 1 to 50 fields'),
  })
  .strict();

export const syncConflictSchema = z.object({
  id: z.string(),
  leadId: z.string(),
  leadName: z.string(),
  companyName: z.string(),
  crmId: z.string(),
  createdAt: z.string(),
  fields: z.array(z.object({ field: z.string(), local: z.string().nullable(), crm: z.string().nullable() })),
});
export type SyncConflict = z.infer<typeof syncConflictSchema>;

const empty = z.object({}).strict();

/** The sync commands, merged into the contract map in ./index.ts. */
export const syncCommands = {
  'sync.status': { input: empty, output: syncStatusSchema },
  'sync.items': { input: syncItemsInput, output: z.object({ items: z.array(syncItemSchema), total: z.number().int() }) },
  'sync.retry': { input: syncRetryInput, output: z.object({ retried: z.number().int() }) },
  'sync.editPayload': { input: syncEditPayloadInput, output: syncItemSchema },
  'sync.now': { input: empty, output: syncStatusSchema },
  'sync.settings.get': { input: empty, output: syncSettingsView },
  'sync.settings.save': { input: syncSettingsSaveInput, output: syncSettingsView },
  'sync.signIn': { input: empty, output: z.object({ authorizeUrl: z.string(), redirectUri: z.string() }) },
  'sync.signOut': { input: empty, output: syncStatusSchema },
  'sync.conflicts': { input: empty, output: z.object({ conflicts: z.array(syncConflictSchema) }) },
  'sync.resolveConflict': { input: z.object({ id, keep: z.enum(['local', 'crm']) }).strict(), output: z.object({ resolved: z.boolean() }) },
  'sync.setupCheck': { input: empty, output: setupCheckSchema },
  /** The last check (the one after sign-in, or the rep's), for the connector in use; null before any. */
  'sync.setupCheck.last': { input: empty, output: setupCheckSchema.nullable() },
} as const;
