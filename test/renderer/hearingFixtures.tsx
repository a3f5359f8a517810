import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { vi } from 'vitest';
import type { LeadDetail } from '../../shared/contract/callFlow';
import type { FieldRep, HandoffView, HearingView } from '../../shared/contract/handoff';
import { defaultQualificationCriteria, emptyHearing, type Hearing, type QualificationCriteria } from '../../shared/contract/hearing';
import { evaluateQualification } from '../../shared/domain/qualification/evaluate';
import { createClient } from '../../renderer/src/api/client';
import { sendThroughPreload } from '../../renderer/src/api/preloadTransport';
import { HearingPanel } from '../../renderer/src/components/hearing/HearingPanel';
import { createI18n } from '../../renderer/src/i18n/createI18n';
import type { Language } from '../../renderer/src/i18n/languages';
import type { SaveFile } from '../../renderer/src/lib/saveFile';
import { createStores } from '../../renderer/src/stores/createStores';
import { StoresContext } from '../../renderer/src/stores/StoresContext';
import type { FakeApi } from './fakeApi';
import { ok } from './fakeApi';

export interface HearingPatch {
  budget?: Partial<Hearing['budget']>;
  authority?: Partial<Hearing['authority']>;
  need?: Partial<Hearing['need']>;
  timeline?: Partial<Hearing['timeline']>;
  custom?: Hearing['custom'];
}

export function hearingWith(patch: HearingPatch = {}): Hearing {
  return {
    budget: { ...emptyHearing.budget, ...patch.budget },
    authority: { ...emptyHearing.authority, ...patch.authority },
    need: { ...emptyHearing.need, ...patch.need },
    timeline: { ...emptyHearing.timeline, ...patch.timeline },
    custom: { ...patch.custom },
  };
}

/** Each item 確認済み with something heard in it: a mark alone does not hold (bantContent.ts). */
export const heard = {
  budget: { confirmed: true, status: 'approved' },
  authority: { confirmed: true, contactRole: 'decision_maker' },
  need: { confirmed: true, pains: ['業務効率化'] },
  timeline: { confirmed: true, targetQuarter: '2025-Q3' },
} satisfies HearingPatch;

export const allConfirmed: HearingPatch = heard;

type Version = HearingView['history'][number];

export function historyVersion(version: number, overrides: Partial<Version> = {}): Version {
  return {
    version,
    callId: null,
    author: '佐藤 美咲',
    createdAt: '2025-04-07T01:00:00.000Z',
    updatedAt: '2025-04-07T01:05:00.000Z',
    sealedAt: null,
    confirmed: { budget: false, authority: false, need: false, timeline: false },
    ...overrides,
  };
}

export interface ViewOptions {
  criteria?: QualificationCriteria;
  score?: number;
  history?: Version[];
}

/** A hearing view as the backend answers it, its qualification evaluated by the same shared rule. */
export function hearingView(hearing: Hearing, { criteria = defaultQualificationCriteria, score = 50, history = [] }: ViewOptions = {}): HearingView {
  return {
    hearing,
    version: history[0]?.version ?? null,
    open: history[0] ? history[0].sealedAt === null : true,
    qualification: evaluateQualification(hearing, score, criteria),
    criteria,
    history,
  };
}

/** hearing.get and hearing.save over one stored hearing, the way the backend keeps it. */
export function hearingBackend(initial: HearingView, savedAt = '2025-04-07T01:10:00.000Z') {
  let current = initial;
  const get = vi.fn<NonNullable<FakeApi['hearing.get']>>(async () => ok(current));
  const save = vi.fn<NonNullable<FakeApi['hearing.save']>>(async ({ hearing }) => {
    const parsed = hearing as Hearing;
    const version = current.version ?? 1;
    current = {
      ...hearingView(parsed, { criteria: current.criteria }),
      version,
      history: [historyVersion(version, { confirmed: { budget: parsed.budget.confirmed, authority: parsed.authority.confirmed, need: parsed.need.confirmed, timeline: parsed.timeline.confirmed } })],
    };
    return ok({ ...current, savedAt });
  });
  return { api: { 'hearing.get': get, 'hearing.save': save } satisfies FakeApi, get, save };
}

export function fieldRep(overrides: Partial<FieldRep> = {}): FieldRep {
  return { id: 'rep-1', name: '高橋 健', email: 'takahashi@example.co.jp', crmUserId: null, active: true, ...overrides };
}

export function leadDetail(overrides: { leadId?: string; companyName?: string } = {}): LeadDetail {
  const leadId = overrides.leadId ?? 'lead-1';
  return {
    lead: {
      id: leadId,
      fullName: '山田 太郎',
      nameReading: null,
      sourceDetail: null,
      title: '情報システム部長',
      department: '情報システム部',
      phone: '03-1234-5678',
      email: 'yamada@example.co.jp',
      source: 'seminar',
      stage: 'hot_lead',
      status: 'working',
      attempts: 2,
      lastContactAt: '2025-04-07T01:00:00.000Z',
      nextCallAt: null,
      recycleReason: null,
      recycleUntil: null,
      excludeReason: null,
      doNotCall: false,
      timeZone: 'Asia/Tokyo',
      createdAt: '2025-04-01T00:00:00.000Z',
    },
    score: { attribute: 40, behaviour: 20, total: 60, breakdown: [] },
    queue: { bucket: 3, reason: { code: 'hot', score: 60 }, withinCallingHours: true, age: { days: 6, level: 'fresh' } },
    company: {
      id: 'company-1',
      name: overrides.companyName ?? '株式会社コマ',
      nameReading: null,
      corporateNumber: null,
      website: 'https://koma.example.co.jp',
      industry: '製造業',
      employees: 350,
      address: '東京都千代田区',
      phone: '03-1234-0000',
      prepNotes: '中期経営計画でDXを掲げている',
      prepNotesSavedAt: '2025-04-07T00:00:00.000Z',
      prepChecklist: { website_read: true, news_checked: false, previous_contact_read: true },
    },
    colleagues: [],
    timeline: [
      { kind: 'call', at: '2025-04-07T01:00:00.000Z', id: 'call-1', leadId, leadName: '山田 太郎', outcome: 'connected', notes: '予算を確認', durationSec: 300, nextAction: null },
    ],
    draft: null,
  };
}

export function handoffView(overrides: Partial<HandoffView> = {}): HandoffView {
  const hearing = hearingWith({ ...allConfirmed, budget: { confirmed: true, status: 'approved', amount: 3_000_000 } });
  return {
    id: 'handoff-1',
    leadId: 'lead-1',
    leadName: '山田 太郎',
    companyName: '株式会社コマ',
    fieldRep: fieldRep(),
    state: 'queued',
    fieldState: null,
    fieldReason: null,
    appointmentAt: '2025-04-10T01:00:00.000Z',
    appointmentEnd: '2025-04-10T02:00:00.000Z',
    place: null,
    meetingUrl: 'https://meet.example.com/abc',
    summary: '予算: 承認済み',
    overrideReason: null,
    lastError: null,
    corrections: 0,
    createdAt: '2025-04-07T02:00:00.000Z',
    updatedAt: '2025-04-07T02:00:00.000Z',
    syncedAt: null,
    package: {
      assembledAt: '2025-04-07T02:00:00.000Z',
      company: { name: overrides.companyName ?? '株式会社コマ', website: null, industry: '製造業', employees: 350, address: null, phone: null },
      contact: { name: overrides.leadName ?? '山田 太郎', title: '部長', department: null, phone: null, email: null },
      hearing,
      hearingVersion: 2,
      qualification: evaluateQualification(hearing, 60, defaultQualificationCriteria),
      prepNotes: '',
      calls: [],
      score: { attribute: 40, behaviour: 20, total: 60, breakdown: [] },
    },
    ...overrides,
  };
}

export interface PanelOptions {
  leadId?: string;
  language?: Language;
  saveDebounceMs?: number;
  saveFile?: SaveFile;
}

function Panel({ stores, i18n, leadId }: { stores: ReturnType<typeof createStores>; i18n: ReturnType<typeof createI18n>; leadId: string }) {
  return (
    <I18nextProvider i18n={i18n}>
      <StoresContext.Provider value={stores}>
        <HearingPanel leadId={leadId} />
      </StoresContext.Provider>
    </I18nextProvider>
  );
}

/** The hearing panel on its own, as the call workspace shows it beside the call, over a fake API. */
export function renderHearingPanel(api: FakeApi, options: PanelOptions = {}) {
  const stores = createStores(createClient(sendThroughPreload(api)), {
    hearingSaveDebounceMs: options.saveDebounceMs ?? 20,
    searchDebounceMs: 10,
    saveFile: options.saveFile ?? vi.fn<SaveFile>(),
  });
  const i18n = createI18n({ language: options.language ?? 'ja' });
  const user = userEvent.setup();
  const view = render(<Panel stores={stores} i18n={i18n} leadId={options.leadId ?? 'lead-1'} />);
  return { ...view, stores, user, showLead: (leadId: string) => view.rerender(<Panel stores={stores} i18n={i18n} leadId={leadId} />) };
}
