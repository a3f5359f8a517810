import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { vi, type Mock } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { LeadDetail } from '../../shared/contract/callFlow';
import { defaultQualificationCriteria } from '../../shared/contract/hearing';
import { defaultQueueRules, type QueueRules } from '../../shared/contract/queueRules';
import { defaultScoringRules } from '../../shared/contract/scoringRules';
import { createClient } from '../../renderer/src/api/client';
import { sendThroughPreload } from '../../renderer/src/api/preloadTransport';
import { Root } from '../../renderer/src/components/Root';
import { createI18n } from '../../renderer/src/i18n/createI18n';
import type { Language } from '../../renderer/src/i18n/languages';
import { createStores } from '../../renderer/src/stores/createStores';
import { appInfo, leadRow, ok, type FakeApi } from './fakeApi';

/** Monday 7 April 2025, 10:00 in the test machine's own time zone, so formatted times read 10:00. */
export const mondayTen = new Date(2025, 3, 7, 10, 0, 0);

/** An instant `minutes` after mondayTen. */
export function at(minutes: number): string {
  return new Date(mondayTen.getTime() + minutes * 60_000).toISOString();
}

export function leadDetail(index: number, overrides: { lead?: Partial<LeadDetail['lead']>; company?: Partial<LeadDetail['company']> } & Partial<Omit<LeadDetail, 'lead' | 'company'>> = {}): LeadDetail {
  const { lead, company, ...rest } = overrides;
  return {
    lead: {
      id: `lead-${index}`,
      fullName: `Person ${index}`,
      nameReading: null,
      sourceDetail: null,
      title: '部長',
      department: '情報システム部',
      phone: `03-1234-${String(index).padStart(4, '0')}`,
      email: null,
      source: 'web_inquiry',
      stage: 'lead_captured',
      status: 'new',
      attempts: 0,
      lastContactAt: null,
      nextCallAt: null,
      recycleReason: null,
      recycleUntil: null,
      excludeReason: null,
      doNotCall: false,
      timeZone: 'Asia/Tokyo',
      createdAt: at(-30),
      ...lead,
    },
    score: {
      attribute: 40,
      behaviour: 8,
      total: 48,
      breakdown: [
        { kind: 'size', points: 15, employees: 450 },
        { kind: 'industry', points: 20, industry: 'ITサービス', matched: 'IT' },
        { kind: 'title', points: 5, title: '部長', level: 'manager' },
        { kind: 'behaviour', points: 8, event: 'content_download', count: 1 },
      ],
    },
    queue: { bucket: 2, reason: { code: 'speed_to_lead', deadline: at(23) }, withinCallingHours: true, age: { days: 0, level: 'fresh' } },
    company: {
      id: `company-${index}`,
      name: `Company ${index}`,
      nameReading: null,
      corporateNumber: null,
      website: 'https://example.co.jp',
      industry: 'ITサービス',
      employees: 450,
      address: '東京都千代田区丸の内1-1-1',
      phone: '03-5555-0000',
      prepNotes: '',
      prepNotesSavedAt: at(-60),
      prepChecklist: { website_read: false, news_checked: false, previous_contact_read: false },
      ...company,
    },
    colleagues: [],
    timeline: [],
    draft: null,
    ...rest,
  };
}

export const testRules: QueueRules = defaultQueueRules;

function baseApi(details: LeadDetail[]) {
  const byId = new Map(details.map((detail) => [detail.lead.id, detail]));
  return {
    'app.info': vi.fn<KomaApi['app.info']>(() => ok(appInfo(details.length))),
    'callList.page': vi.fn<KomaApi['callList.page']>(() =>
      ok({ total: details.length, offset: 0, rows: details.map((d, i) => leadRow(i + 1, { id: d.lead.id, fullName: d.lead.fullName, companyName: d.company.name })) }),
    ),
    'queue.next': vi.fn<KomaApi['queue.next']>((input) => ok({ leadId: details.find((d) => d.lead.id !== input.excludeLeadId)?.lead.id ?? null })),
    'lead.get': vi.fn<KomaApi['lead.get']>((input) => ok(byId.get(input.leadId) ?? leadDetail(0, { lead: { id: input.leadId } }))),
    'calls.log': vi.fn<KomaApi['calls.log']>(() => ok({ callId: 'call-1', leadStatus: 'working', nextCallAt: null })),
    'callDraft.save': vi.fn<KomaApi['callDraft.save']>(() => ok({ savedAt: at(1) })),
    'callDraft.discard': vi.fn<KomaApi['callDraft.discard']>(() => ok({})),
    'prep.saveNotes': vi.fn<KomaApi['prep.saveNotes']>(() => ok({ savedAt: at(0) })),
    'prep.setChecklist': vi.fn<KomaApi['prep.setChecklist']>((input) =>
      ok({ checklist: { website_read: false, news_checked: false, previous_contact_read: false, [input.item]: input.checked } }),
    ),
    'lead.skip': vi.fn<KomaApi['lead.skip']>(() => ok({ status: 'new' })),
    'lead.recycle': vi.fn<KomaApi['lead.recycle']>(() => ok({ status: 'recycled' })),
    'lead.exclude': vi.fn<KomaApi['lead.exclude']>(() => ok({ status: 'excluded' })),
    'lead.restore': vi.fn<KomaApi['lead.restore']>(() => ok({ status: 'working' })),
    'lead.setDoNotCall': vi.fn<KomaApi['lead.setDoNotCall']>(() => ok({ status: 'new' })),
    'settings.get': vi.fn<KomaApi['settings.get']>(() =>
      ok({ queueRules: testRules, scoringRules: defaultScoringRules, qualificationCriteria: defaultQualificationCriteria, profile: {} as never }),
    ),
    'settings.saveQueueRules': vi.fn<KomaApi['settings.saveQueueRules']>(() => ok({ requeued: 0 })),
    'settings.saveScoringRules': vi.fn<KomaApi['settings.saveScoringRules']>(() => ok({ rescored: 0 })),
    'behaviour.import': vi.fn<KomaApi['behaviour.import']>(() => ok({ imported: 0, duplicates: 0, rescored: 0, invalid: [] })),
  } satisfies FakeApi;
}

export type WorkApi = ReturnType<typeof baseApi> & { 'calls.logAndNext': Mock<KomaApi['calls.logAndNext']> };

/**
 * A backend with the given leads in queue order: queue.next answers the first one that is not the
 * lead just left, lead.get answers the details given (or generated ones), and every write succeeds.
 */
export function workApi(details: LeadDetail[], overrides: Partial<WorkApi> = {}): WorkApi {
  const api: Omit<WorkApi, 'calls.logAndNext'> = { ...baseApi(details), ...overrides };
  // Save and next, as the backend does it: the call logged, then the next lead and its detail —
  // composed from this fake's own calls.log, queue.next and lead.get so tests can watch each.
  const logAndNext = vi.fn<KomaApi['calls.logAndNext']>(async (input) => {
    const logged = await api['calls.log'](input.call);
    if (!logged.ok) return logged;
    const next = await api['queue.next']({ excludeLeadId: input.call.leadId, source: input.source ?? null });
    if (!next.ok) return next;
    if (next.value.leadId === null) return ok({ logged: logged.value, next: null });
    const detail = await api['lead.get']({ leadId: next.value.leadId });
    return detail.ok ? ok({ logged: logged.value, next: detail.value }) : detail;
  });
  return { ...api, 'calls.logAndNext': overrides['calls.logAndNext'] ?? logAndNext };
}

export interface RenderWorkOptions {
  language?: Language;
  /** Autosave delays; short by default so tests do not wait. */
  draftDelayMs?: number;
  prepDelayMs?: number;
}

/** The whole app on the calls screen over a fake backend, with the workspace clock fixed at mondayTen. */
export function renderWork(api: FakeApi, options: RenderWorkOptions = {}) {
  const dial = vi.fn<(href: string) => void>();
  const openMail = vi.fn<(url: string) => void>();
  const saveFile = vi.fn<(fileName: string, blob: Blob) => void>();
  const stores = createStores(createClient(sendThroughPreload(api)), {
    searchDebounceMs: 5,
    saveFile,
    followup: { now: () => mondayTen, openMail },
    work: { now: () => mondayTen, dial, draftDelayMs: options.draftDelayMs ?? 20, prepDelayMs: options.prepDelayMs ?? 20 },
  });
  const i18n = createI18n({ language: options.language ?? 'en', root: document.documentElement });
  const user = userEvent.setup();
  const view = render(<Root i18n={i18n} stores={stores} />);
  return { ...view, stores, i18n, user, dial, openMail, saveFile };
}

export type CallLogMock = Mock<KomaApi['calls.log']>;
