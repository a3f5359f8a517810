import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { hearingBackend, hearingView, hearingWith } from './hearingFixtures';
import { renderSyncApp, syncBackend, syncItem, syncStatus, todayAt } from './syncFixtures';
import { at, leadDetail, renderWork, workApi } from './workFixtures';

// Issue 11: every user-facing text is built in the renderer from fields, in the rep's language and
// time zone. These scans fail if an ISO timestamp, an untranslated i18n key or the backend's
// English summary reaches the Japanese UI.
const isoInstant = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const i18nKey = /\b(?:loop|sync|work|status|problems|dashboard|hearing|handoffs|planner|nav|callList)\.[a-zA-Z_]+(?:\.[a-zA-Z_]+)*/;

function expectLocalised(text: string) {
  expect(text).not.toMatch(isoInstant);
  expect(text).not.toMatch(i18nKey);
}

describe('the Japanese UI carries no ISO timestamps, keys or backend prose', () => {
  it('sync screen: items are sentences built from their fields, in the rep’s time zone', async () => {
    const backend = syncBackend({
      items: [
        syncItem(1, { subject: { kind: 'call', leadName: '山田 太郎', companyName: '株式会社サクラテック', at: todayAt(9, 31), outcome: 'no_answer', status: null, reason: null, doNotCall: null, correction: false } }),
        syncItem(2, {
          entity: 'lead',
          op: 'status',
          summary: '佐藤 花子: status recycled (timing)',
          subject: { kind: 'status', leadName: '佐藤 花子', companyName: '北斗物流株式会社', at: todayAt(9, 40), outcome: null, status: 'recycled', reason: 'no_budget', doNotCall: null, correction: false },
        }),
        syncItem(3, { entity: 'handoff', op: 'upsert', state: 'attention', lastError: 'REQUIRED_FIELD_MISSING', subject: { kind: 'handoff', leadName: '鈴木 一郎', companyName: '青葉商事株式会社', at: todayAt(9, 50), outcome: null, status: null, reason: null, doNotCall: null, correction: true } }),
      ],
    });
    const { user } = renderSyncApp(backend.api);
    await user.click(await screen.findByRole('button', { name: '同期' }));
    const region = await screen.findByRole('region', { name: '同期' });
    const pending = await within(region).findByRole('table', { name: /送信待ち/ });
    expect(within(pending).getByRole('row', { name: /山田 太郎（株式会社サクラテック） への架電: 不在（09:31）/ })).toBeInTheDocument();
    expect(within(pending).getByRole('row', { name: /佐藤 花子（北斗物流株式会社） の状態: リサイクル・予算なし（09:40）/ })).toBeInTheDocument();
    expect(within(region).getByRole('table', { name: /要対応/ })).toHaveTextContent('鈴木 一郎（青葉商事株式会社） のトスアップの修正（09:50）');
    expect(region.textContent).not.toMatch(/call, |status recycled/);
    expectLocalised(document.body.textContent ?? '');
  });

  it('sync screen with no CRM connected promises no next send', async () => {
    const backend = syncBackend({ status: syncStatus({ connector: 'none', configured: false, signedIn: false }), items: [syncItem(1)] });
    const { user } = renderSyncApp(backend.api);
    await user.click(await screen.findByRole('button', { name: '同期' }));
    const region = await screen.findByRole('region', { name: '同期' });
    await within(region).findByRole('table', { name: /送信待ち/ });
    expect(region).not.toHaveTextContent('まもなく');
    expect(region).toHaveTextContent('CRMに接続すると送信します');
    expectLocalised(document.body.textContent ?? '');
  });

  it('calls screen: lead, prep, history and hearing', async () => {
    const hearing = hearingBackend(hearingView(hearingWith()));
    const api = {
      ...workApi([
        leadDetail(1, {
          lead: { fullName: '山田 太郎', status: 'recycled', recycleReason: 'timing', recycleUntil: at(60 * 24 * 90) },
          company: { name: '株式会社サクラテック' },
          timeline: [
            { kind: 'exit', at: at(-5), id: 'x1', leadId: 'lead-1', leadName: '山田 太郎', exit: 'recycled', reason: 'timing' },
            { kind: 'call', at: at(-6), id: 'c1', leadId: 'lead-1', leadName: '山田 太郎', outcome: 'connected', notes: '来期', durationSec: null, nextAction: null },
          ],
        }),
      ]),
      ...hearing.api,
    };
    const { user } = renderWork(api, { language: 'ja' });
    await screen.findByRole('table', { name: /リスト/ });
    await user.keyboard('n');
    await screen.findByRole('heading', { level: 2, name: '山田 太郎' });
    await screen.findByRole('region', { name: 'BANTヒアリング' });
    expectLocalised(document.body.textContent ?? '');
  });
});
