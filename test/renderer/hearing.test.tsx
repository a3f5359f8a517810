import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultQualificationCriteria, type QualificationCriteria } from '../../shared/contract/hearing';
import { fail, ok } from './fakeApi';
import { allConfirmed, heard, hearingBackend, hearingView, hearingWith, historyVersion, renderHearingPanel, type HearingPatch } from './hearingFixtures';

const criteriaList = () => screen.getByRole('list', { name: '商談化の条件の達成状況' });

/** Each criterion as "<label>: 達成|未達", read the way a screen reader reads the item (the ✓/✗ is hidden). */
function criteriaShown(): string[] {
  return within(criteriaList())
    .getAllByRole('listitem')
    .map((item) => Array.from(item.querySelectorAll(':scope > :not([aria-hidden="true"])')).map((part) => part.textContent).join(''));
}

const withCriteria = (patch: Partial<QualificationCriteria>): QualificationCriteria => ({ ...defaultQualificationCriteria, ...patch });

describe('the BANT hearing panel', () => {
  const cases: { name: string; hearing: HearingPatch; criteria?: QualificationCriteria; score?: number; shown: string[]; status: string }[] = [
    {
      name: 'nothing confirmed yet',
      hearing: {},
      shown: ['予算の確認: 未達', '決裁権の確認: 未達', '必要性の確認: 未達', '導入時期の確認: 未達'],
      status: '未達: あと 4 項目',
    },
    {
      name: 'budget and need confirmed',
      hearing: { budget: heard.budget, need: heard.need },
      shown: ['予算の確認: 達成', '決裁権の確認: 未達', '必要性の確認: 達成', '導入時期の確認: 未達'],
      status: '未達: あと 2 項目',
    },
    {
      name: 'all four confirmed',
      hearing: allConfirmed,
      shown: ['予算の確認: 達成', '決裁権の確認: 達成', '必要性の確認: 達成', '導入時期の確認: 達成'],
      status: '商談化の条件を満たしています',
    },
    {
      name: 'a team requiring only budget and need, with a score floor the lead misses',
      hearing: { budget: heard.budget, need: heard.need },
      criteria: withCriteria({ requireConfirmed: { budget: true, authority: false, need: true, timeline: false }, minScore: 70 }),
      score: 60,
      shown: ['予算の確認: 達成', '必要性の確認: 達成', 'スコア 70 以上: 未達'],
      status: '未達: あと 1 項目',
    },
    {
      name: 'a budget below the floor',
      hearing: { ...allConfirmed, budget: { ...heard.budget, amount: 500_000 } },
      criteria: withCriteria({ budgetFloor: { amount: 1_000_000, currency: 'JPY' } }),
      shown: ['予算の確認: 達成', '決裁権の確認: 達成', '必要性の確認: 達成', '導入時期の確認: 達成', '予算 1,000,000 JPY 以上: 未達'],
      status: '未達: あと 1 項目',
    },
    {
      name: 'a required custom field left empty and an optional one',
      hearing: { ...allConfirmed, custom: { budget_owner: '経理部' } },
      criteria: withCriteria({
        customFields: [
          { key: 'project', label: '案件名', required: true },
          { key: 'budget_owner', label: '予算の持ち主', required: true },
          { key: 'memo', label: '備考', required: false },
        ],
      }),
      shown: ['予算の確認: 達成', '決裁権の確認: 達成', '必要性の確認: 達成', '導入時期の確認: 達成', '「案件名」の入力: 未達', '「予算の持ち主」の入力: 達成'],
      status: '未達: あと 1 項目',
    },
  ];

  it.each(cases)('shows which criteria hold and which are missing: $name', async ({ hearing, criteria, score, shown, status }) => {
    const backend = hearingBackend(hearingView(hearingWith(hearing), { criteria, score }));
    renderHearingPanel(backend.api);
    await screen.findByRole('list', { name: '商談化の条件の達成状況' });
    expect(criteriaShown()).toEqual(shown);
    expect(screen.getByText(status)).toBeInTheDocument();
    // Each section's confirmed box says what the hearing holds.
    for (const [section, item] of [['予算', 'budget'], ['決裁権', 'authority'], ['必要性', 'need'], ['導入時期', 'timeline']] as const) {
      const box = within(screen.getByRole('group', { name: section })).getByRole('checkbox', { name: '確認済み' });
      expect(box).toHaveProperty('checked', Boolean(hearing[item]?.confirmed));
    }
  });

  it('refuses 確認済み on an item with nothing heard, saying what is needed, and accepts it once content is typed', async () => {
    const backend = hearingBackend(hearingView(hearingWith()));
    const { user } = renderHearingPanel(backend.api);
    const timeline = await screen.findByRole('group', { name: '導入時期' });
    const box = within(timeline).getByRole('checkbox', { name: '確認済み' });
    await user.click(box);
    expect(box).not.toBeChecked();
    expect(within(timeline).getByRole('alert')).toHaveTextContent('確認済みにするには、聞き取った内容を入力してください。');
    expect(box).toHaveAccessibleDescription('確認済みにするには、聞き取った内容を入力してください。');

    await user.type(within(timeline).getByRole('textbox', { name: '導入希望の四半期' }), '2026-Q3');
    expect(within(timeline).queryByRole('alert')).not.toBeInTheDocument();
    await user.click(box);
    expect(box).toBeChecked();
    await waitFor(() => expect(backend.save.mock.lastCall?.[0].hearing.timeline).toMatchObject({ targetQuarter: '2026-Q3', confirmed: true }));
  });

  it('autosaves what the rep types and turns the criteria met as items are confirmed', async () => {
    const backend = hearingBackend(hearingView(hearingWith()));
    const { user } = renderHearingPanel(backend.api);
    const budget = await screen.findByRole('group', { name: '予算' });
    await user.selectOptions(within(budget).getByRole('combobox', { name: '予算の状況' }), '承認済み');
    await user.type(within(budget).getByRole('textbox', { name: '金額' }), '1200000');
    await user.type(within(budget).getByRole('textbox', { name: '予算化の時期' }), '来期4月');
    const need = screen.getByRole('group', { name: '必要性' });
    await user.click(within(need).getByRole('checkbox', { name: '業務効率化' }));
    await user.type(within(need).getByRole('textbox', { name: '要件' }), 'SFA連携');
    await user.type(within(need).getByRole('textbox', { name: '競合を追加' }), 'Sansan{Enter}');
    await user.click(within(budget).getByRole('checkbox', { name: '確認済み' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('保存しました'));
    await waitFor(() => expect(backend.save.mock.lastCall?.[0].hearing.budget.confirmed).toBe(true));
    const sent = backend.save.mock.lastCall?.[0];
    expect(sent?.leadId).toBe('lead-1');
    expect(sent?.hearing.budget).toMatchObject({ status: 'approved', amount: 1_200_000, currency: 'JPY', fiscalTiming: '来期4月', confirmed: true });
    expect(sent?.hearing.need).toMatchObject({ pains: ['業務効率化'], requirements: 'SFA連携', competitors: ['Sansan'], confirmed: false });
    expect(criteriaShown()[0]).toBe('予算の確認: 達成');

    // Leaving the amount shows it grouped.
    await user.tab();
    expect(within(budget).getByRole('textbox', { name: '金額' })).toHaveValue('1,200,000');
  });

  it('shows the backend’s message beside a negative amount and keeps what was typed', async () => {
    const backend = hearingBackend(hearingView(hearingWith()));
    backend.save.mockImplementation(async () => ({
      ok: false,
      error: { code: 'invalid_input', message: 'Invalid input for hearing.save: hearing.budget.amount: amount cannot be negative', issues: [{ path: 'hearing.budget.amount', message: 'amount cannot be negative' }] },
    }));
    const { user } = renderHearingPanel(backend.api);
    const amount = within(await screen.findByRole('group', { name: '予算' })).getByRole('textbox', { name: '金額' });
    await user.type(amount, '-5000');
    await user.tab();
    await waitFor(() => expect(amount).toHaveAccessibleDescription('保存できません: amount cannot be negative'));
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveValue('-5000');
    expect(screen.getByRole('status')).toHaveTextContent('未保存: 入力内容を確認してください');
  });

  it('holds back an amount it cannot read instead of sending it', async () => {
    const backend = hearingBackend(hearingView(hearingWith()));
    const { user } = renderHearingPanel(backend.api);
    const amount = within(await screen.findByRole('group', { name: '予算' })).getByRole('textbox', { name: '金額' });
    await user.type(amount, '百万');
    await user.tab();
    expect(amount).toHaveAccessibleDescription('数字で入力してください');
    expect(amount).toHaveValue('百万');
    expect(backend.save).not.toHaveBeenCalled();
    await user.clear(amount);
    await user.type(amount, '１，０００，０００');
    // Clearing the field may autosave an empty amount first on a slow machine; the last save wins.
    await waitFor(() => expect(backend.save.mock.lastCall?.[0].hearing.budget.amount).toBe(1_000_000));
  });

  it('saves at once when the rep leaves a field, and saves the previous lead before showing the next', async () => {
    const backend = hearingBackend(hearingView(hearingWith()));
    // A pause far longer than the test: only blur and the lead change can trigger these saves.
    const { user, showLead } = renderHearingPanel(backend.api, { saveDebounceMs: 60_000 });
    const authority = await screen.findByRole('group', { name: '決裁権' });
    await user.type(within(authority).getByRole('textbox', { name: '決裁者の氏名' }), '鈴木');
    expect(backend.save).not.toHaveBeenCalled();
    await user.tab();
    await waitFor(() => expect(backend.save).toHaveBeenCalledTimes(1));
    expect(backend.save.mock.lastCall?.[0].hearing.authority.decisionMakerName).toBe('鈴木');

    await user.type(within(authority).getByRole('textbox', { name: '稟議の流れ' }), '部長→役員会');
    showLead('lead-2');
    await waitFor(() => expect(backend.save).toHaveBeenCalledTimes(2));
    expect(backend.save.mock.lastCall?.[0]).toMatchObject({ leadId: 'lead-1', hearing: { authority: { approvalProcess: '部長→役員会' } } });
    await waitFor(() => expect(backend.get).toHaveBeenLastCalledWith({ leadId: 'lead-2', version: null }));
  });

  it('lists who heard what in which call, and opens an old version read-only', async () => {
    const history = [
      historyVersion(2, { author: '佐藤 美咲', updatedAt: '2025-04-08T02:00:00.000Z', confirmed: { budget: true, authority: true, need: true, timeline: true } }),
      historyVersion(1, { author: '', callId: 'call-1', sealedAt: '2025-04-07T01:30:00.000Z', confirmed: { budget: true, authority: false, need: true, timeline: false } }),
    ];
    const backend = hearingBackend(hearingView(hearingWith(allConfirmed), { history }));
    const old = hearingView(hearingWith({ budget: { confirmed: true, fiscalTiming: '今期中' }, need: { confirmed: true } }), { history });
    backend.get.mockImplementation(async (input) => ok(input.version === 1 ? { ...old, version: 1, open: false } : hearingView(hearingWith(allConfirmed), { history })));
    const { user } = renderHearingPanel(backend.api, { language: 'ja' });

    const list = await screen.findByRole('list', { name: 'ヒアリングの履歴' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('第2版編集中');
    expect(items[0]).toHaveTextContent('佐藤 美咲');
    expect(items[0]).toHaveTextContent('確認済み: 予算・決裁権・必要性・導入時期');
    expect(within(items[0]!).queryByRole('button')).toBeNull();
    expect(items[1]).toHaveTextContent('の架電で確定');
    expect(items[1]).toHaveTextContent('名前未設定');
    expect(items[1]).toHaveTextContent('確認済み: 予算・必要性');

    await user.click(within(items[1]!).getByRole('button', { name: '第1版を表示' }));
    const dialog = await screen.findByRole('dialog', { name: 'ヒアリング 第1版（閲覧のみ）' });
    expect(backend.get).toHaveBeenLastCalledWith({ leadId: 'lead-1', version: 1 });
    const fiscal = within(dialog).getByRole('textbox', { name: '予算化の時期' });
    expect(fiscal).toHaveValue('今期中');
    expect(fiscal).toBeDisabled();
    expect(within(within(dialog).getByRole('group', { name: '決裁権' })).getByRole('checkbox', { name: '確認済み' })).not.toBeChecked();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('says so when the hearing cannot be loaded', async () => {
    renderHearingPanel({ 'hearing.get': () => fail('not_found', 'Lead lead-1 not found') }, { language: 'en' });
    expect(await screen.findByRole('alert')).toHaveTextContent('It was not found');
  });
});

describe('the BANT hearing panel in English', () => {
  it('names every section, field and criterion in English', async () => {
    const backend = hearingBackend(hearingView(hearingWith({ need: heard.need })));
    renderHearingPanel(backend.api, { language: 'en' });
    const list = await screen.findByRole('list', { name: 'Qualification criteria met and missing' });
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '✗Budget confirmed: missing',
      '✗Authority confirmed: missing',
      '✓Need confirmed: met',
      '✗Timeline confirmed: missing',
    ]);
    expect(screen.getByText('Not yet: 3 criteria missing')).toBeInTheDocument();
    for (const name of ['Budget', 'Authority', 'Need', 'Timeline']) expect(screen.getByRole('group', { name })).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Authority' })).getByRole('textbox', { name: 'Approval process (ringi)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Hand off to field sales' })).toBeInTheDocument();
  });
});
