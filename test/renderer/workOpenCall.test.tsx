import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import { ok } from './fakeApi';
import { at, leadDetail, mondayTen, renderWork, workApi } from './workFixtures';

// Issue 11: a decision made while the call form holds a call takes the call along, or asks.
const lead = () => screen.getByRole('region', { name: 'Current lead' });
const callLog = () => within(lead()).getByRole('region', { name: 'Call log' });

async function openFirstLead(api: Parameters<typeof renderWork>[0]) {
  const app = renderWork(api);
  await screen.findByRole('table', { name: 'Call list' });
  await app.user.keyboard('n');
  await within(lead()).findByRole('heading', { level: 2, name: 'Person 1' });
  return app;
}

const formCall = (patch: object = {}) => ({
  startedAt: mondayTen.toISOString(),
  endedAt: mondayTen.toISOString(),
  outcome: 'connected',
  notes: '',
  nextAction: '',
  nextActionAt: null,
  callbackAt: null,
  conversation: false,
  durationSec: null,
  ...patch,
});

describe('the open call is never lost', () => {
  it('a skip made with an outcome and notes on the form logs that call with it, then the next lead starts empty', async () => {
    const api = workApi([leadDetail(1), leadDetail(2)]);
    const { user } = await openFirstLead(api);
    await user.keyboard('1');
    await user.type(within(callLog()).getByRole('textbox', { name: /Call notes/ }), '受付で担当者不在、来週再架電');
    await user.keyboard('{Escape}k');
    const dialog = screen.getByRole('dialog', { name: 'Skip this lead' });
    expect(dialog).toHaveTextContent('This call (Connected) is logged first.');
    await user.click(within(dialog).getByRole('button', { name: 'Skip and next' }));

    await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(api['lead.skip']).toHaveBeenCalledWith({ leadId: 'lead-1', reason: 'not_now', note: '', call: formCall({ notes: '受付で担当者不在、来週再架電' }) });
    expect(api['calls.log']).not.toHaveBeenCalled();
    expect(within(callLog()).getByRole('radio', { name: 'Connected' })).not.toBeChecked();
  });

  it('an exclusion with a call on the form sends the call with it and empties the form', async () => {
    const api = workApi([leadDetail(1)]);
    const { user } = await openFirstLead(api);
    await user.keyboard('8');
    await user.click(within(lead()).getByRole('button', { name: 'Exclude…' }));
    const dialog = screen.getByRole('dialog', { name: 'Exclude' });
    expect(dialog).toHaveTextContent('This call (Not interested) is logged first.');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Exclude reason' }), 'Student');
    await user.click(within(dialog).getByRole('button', { name: 'Exclude' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(api['lead.exclude']).toHaveBeenCalledWith({ leadId: 'lead-1', reason: 'student', note: '', call: formCall({ outcome: 'not_interested' }) });
    expect(within(callLog()).getByRole('radio', { name: 'Not interested' })).not.toBeChecked();
  });

  it('notes without an outcome: the dialog asks (choose an outcome or discard) and sends nothing until then', async () => {
    const api = workApi([leadDetail(1)]);
    const { user } = await openFirstLead(api);
    await user.type(within(callLog()).getByRole('textbox', { name: /Call notes/ }), '決裁者は部長');
    await user.keyboard('{Escape}');
    await user.click(within(lead()).getByRole('button', { name: 'Recycle…' }));
    const dialog = screen.getByRole('dialog', { name: 'Recycle' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('The call notes have no outcome.');
    expect(within(dialog).getByRole('button', { name: 'Recycle' })).toBeDisabled();

    await user.click(within(dialog).getByRole('button', { name: 'Discard notes' }));
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Recycle' })).toBeEnabled());
    expect(api['callDraft.discard']).toHaveBeenCalledWith({ leadId: 'lead-1' });
    await user.click(within(dialog).getByRole('button', { name: 'Recycle' }));
    await waitFor(() => expect(api['lead.recycle']).toHaveBeenCalledWith(expect.objectContaining({ leadId: 'lead-1', call: null })));
  });

  it('the 有効会話 mark travels with the call and cannot be set for a call nobody answered', async () => {
    const api = workApi([leadDetail(1), leadDetail(2)]);
    const { user } = await openFirstLead(api);
    const mark = within(callLog()).getByRole('checkbox', { name: 'Real conversation' });
    expect(mark).toBeDisabled();
    await user.keyboard('7');
    await user.click(mark);
    await user.click(within(callLog()).getByLabelText('Callback date and time'));
    await user.keyboard('2025-04-08T11:00');
    await user.keyboard('{Escape}2');
    expect(mark).toBeDisabled();
    expect(mark).not.toBeChecked();
    await user.keyboard('1{Control>}{Enter}{/Control}');
    await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(api['calls.log']).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'connected', conversation: true }));
  });
});

describe('history', () => {
  it('one entry per call with its outcome, duration (or "length unknown") and notes; decisions on their own', async () => {
    const api = workApi([
      leadDetail(1, {
        timeline: [
          { kind: 'exit', at: at(-5), id: 'x1', leadId: 'lead-1', leadName: 'Person 1', exit: 'recycled', reason: 'no_budget' },
          { kind: 'call', at: at(-6), id: 'c2', leadId: 'lead-1', leadName: 'Person 1', outcome: 'connected', notes: '予算なし', durationSec: null, nextAction: null, conversation: true },
          { kind: 'call', at: at(-60), id: 'c1', leadId: 'lead-1', leadName: 'Person 1', outcome: 'no_answer', notes: '', durationSec: 34, nextAction: null },
        ],
      }),
    ]);
    await openFirstLead(api);
    // The entries are drawn just after the lead (a deferred render): wait for them.
    const items = await within(within(lead()).getByRole('region', { name: 'Timeline' })).findAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items.map((item) => item.querySelector('.timeline-what')?.textContent)).toEqual(['Recycled (No budget)', 'Call: Connected', 'Call: No answer']);
    expect(items[1]).toHaveTextContent('length unknown');
    expect(items[1]).toHaveTextContent('real conversation');
    expect(items[1]).toHaveTextContent('予算なし');
    expect(items[2]).toHaveTextContent('0 min 34 s');
  });
});

describe('lead notes', () => {
  it('shows the lead’s notes in the prep and saves what the rep types', async () => {
    const api = { ...workApi([leadDetail(1, { lead: { notes: '展示会で名刺交換' } })]), 'lead.saveNotes': vi.fn<KomaApi['lead.saveNotes']>(() => ok({ savedAt: at(2) })) };
    const { user } = await openFirstLead(api);
    const box = within(lead()).getByRole('textbox', { name: 'Notes about this person' });
    expect(box).toHaveValue('展示会で名刺交換');
    await user.type(box, '。予算は部長決裁');
    await waitFor(() => expect(api['lead.saveNotes']).toHaveBeenLastCalledWith({ leadId: 'lead-1', notes: '展示会で名刺交換。予算は部長決裁' }));
    expect(await within(lead()).findByText('Saved 10:02')).toBeInTheDocument();
  });
});

describe('every lead has a page', () => {
  it('F searches all leads with a status filter; opening an excluded lead shows its page with restore', async () => {
    const excluded = leadDetail(9, { lead: { fullName: '佐藤 花子', status: 'excluded', excludeReason: 'competitor' }, company: { name: '北斗物流株式会社' } });
    const search = vi.fn<KomaApi['leads.search']>(async (input) =>
      ok({ rows: input.status === 'qualified' ? [] : [{ id: 'lead-9', fullName: '佐藤 花子', nameReading: 'サトウ ハナコ', title: null, phone: null, status: 'excluded' as const, companyName: '北斗物流株式会社', companyReading: 'ホクトブツリュウ', lastContactAt: null }] }),
    );
    const api = { ...workApi([leadDetail(1), excluded]), 'leads.search': search };
    const { user } = await openFirstLead(api);
    await user.keyboard('f');
    const dialog = screen.getByRole('dialog', { name: 'Search all leads' });
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search by name, company, phone or email' }), '佐藤');
    await waitFor(() => expect(search).toHaveBeenLastCalledWith({ search: '佐藤', status: null, limit: 50 }));
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Status' }), 'Qualified');
    expect(await within(dialog).findByText('No leads match.')).toBeInTheDocument();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Status' }), 'Excluded');
    // Found by name or reading, the answer shows the readings as the call list does.
    const found = await within(dialog).findByRole('button', { name: /佐藤 花子/ });
    expect(found).toHaveTextContent('サトウ ハナコ');
    expect(found).toHaveTextContent('北斗物流株式会社(ホクトブツリュウ)');
    await user.click(found);
    await within(lead()).findByRole('heading', { level: 2, name: '佐藤 花子' });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(within(lead()).getByRole('button', { name: 'Restore' })).toBeInTheDocument();
    expect(within(lead()).getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
  });
});
