import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import { fail, ok } from './fakeApi';
import { at, leadDetail, renderWork, workApi } from './workFixtures';

const lead = () => screen.getByRole('region', { name: 'Current lead' });
const prep = () => within(lead()).getByRole('region', { name: 'Prep' });

async function open(api: ReturnType<typeof workApi>, options: Parameters<typeof renderWork>[1] = {}) {
  const app = renderWork(api, options);
  await screen.findByRole('table', { name: 'Call list' });
  await app.user.keyboard('n');
  await within(lead()).findByRole('heading', { level: 2, name: 'Person 1' });
  return app;
}

describe('company prep beside the call', () => {
  it('shows the company, every other lead there and the whole timeline, newest first', async () => {
    const api = workApi([
      leadDetail(1, {
        colleagues: [{ id: 'lead-7', fullName: '佐藤 花子', title: '課長', status: 'recycled' }],
        timeline: [
          { kind: 'exit', at: at(-60), id: 'x1', leadId: 'lead-7', leadName: '佐藤 花子', exit: 'recycled', reason: 'no_budget' },
          { kind: 'call', at: at(-24 * 60), id: 'c1', leadId: 'lead-7', leadName: '佐藤 花子', outcome: 'connected', notes: '来期に予算化の予定', durationSec: 185, nextAction: '4月に再連絡' },
          { kind: 'behaviour', at: at(-3 * 24 * 60), id: 'b1', leadId: 'lead-1', leadName: 'Person 1', event: 'quote_request' },
          { kind: 'handoff', at: at(-30 * 24 * 60), id: 'h1', leadId: 'lead-7', leadName: '佐藤 花子', state: 'synced' },
        ],
      }),
    ]);
    await open(api);
    expect(within(prep()).getByRole('heading', { name: 'Company 1' })).toBeInTheDocument();
    const facts = within(prep()).getByRole('link', { name: 'https://example.co.jp' });
    expect(facts).toHaveAttribute('target', '_blank');
    expect(facts).toHaveAttribute('rel', 'noopener noreferrer');
    expect(prep()).toHaveTextContent('ITサービス');
    expect(prep()).toHaveTextContent('450');
    expect(prep()).toHaveTextContent('東京都千代田区丸の内1-1-1');
    expect(within(prep()).getByRole('link', { name: '03-5555-0000' })).toHaveAttribute('href', 'tel:0355550000');

    const colleagues = within(prep()).getByRole('region', { name: 'Other leads at this company' });
    expect(within(colleagues).getByRole('button', { name: '佐藤 花子' })).toBeInTheDocument();
    expect(colleagues).toHaveTextContent('Recycled');

    // The entries are drawn just after the lead (a deferred render): wait for them.
    const items = await within(within(prep()).getByRole('region', { name: 'Timeline' })).findAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.timeline-what')?.textContent)).toEqual([
      'Recycled (No budget)',
      'Call: Connected',
      'Behaviour: Quote request',
      'Handoff (sent)',
    ]);
    expect(items[1]).toHaveTextContent('来期に予算化の予定');
    expect(items[1]).toHaveTextContent('Next action: 4月に再連絡');
    expect(items[1]).toHaveTextContent('3 min 5 s');
  });

  it.each([
    ['javascript:alert(1)', 'a script address'],
    ['file:///etc/passwd', 'a local file'],
    ['www.example.co.jp', 'an address without a scheme'],
  ])('shows %s (%s) as plain text, never as a link', async (website) => {
    const api = workApi([leadDetail(1, { company: { website } })]);
    await open(api);
    expect(prep()).toHaveTextContent(website);
    expect(within(prep()).queryByRole('link', { name: website })).not.toBeInTheDocument();
  });

  it('autosaves the prep notes as the rep types and says when', async () => {
    const api = workApi([leadDetail(1, { company: { prepNotes: '中期経営計画でDX推進' } })]);
    const { user } = await open(api);
    const notes = within(prep()).getByRole('textbox', { name: 'Prep notes' });
    expect(notes).toHaveValue('中期経営計画でDX推進');
    await user.keyboard('p');
    expect(notes).toHaveFocus();
    await user.keyboard('{End}。競合はA社');
    await waitFor(() => expect(api['prep.saveNotes']).toHaveBeenLastCalledWith({ companyId: 'company-1', notes: '中期経営計画でDX推進。競合はA社' }));
    expect(api['prep.saveNotes'].mock.calls.length).toBeLessThan(6);
    expect(await within(prep()).findByText('Saved 10:00')).toHaveAttribute('role', 'status');
  });

  it('saves the prep notes at once on blur and before another lead opens, whatever the delay', async () => {
    const api = workApi([leadDetail(1), leadDetail(2)]);
    const { user } = await open(api, { prepDelayMs: 60_000 });
    const notes = within(prep()).getByRole('textbox', { name: 'Prep notes' });
    await user.click(notes);
    await user.keyboard('決裁は部長');
    expect(api['prep.saveNotes']).not.toHaveBeenCalled();
    await user.tab();
    await waitFor(() => expect(api['prep.saveNotes']).toHaveBeenCalledWith({ companyId: 'company-1', notes: '決裁は部長' }));

    await user.click(within(prep()).getByRole('textbox', { name: 'Prep notes' }));
    await user.keyboard('、稟議2週間');
    // Leaving the field and opening the next lead do not wait for the delay either.
    await user.keyboard('{Escape}n');
    await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(api['prep.saveNotes']).toHaveBeenCalledWith({ companyId: 'company-1', notes: '決裁は部長、稟議2週間' });
    const saveOrder = api['prep.saveNotes'].mock.invocationCallOrder.at(-1) ?? 0;
    const getOrder = api['lead.get'].mock.invocationCallOrder.at(-1) ?? 0;
    expect(saveOrder).toBeLessThan(getOrder);
  });

  it('saves the prep notes when the page goes away', async () => {
    const api = workApi([leadDetail(1)]);
    const { user } = await open(api, { prepDelayMs: 60_000 });
    await user.click(within(prep()).getByRole('textbox', { name: 'Prep notes' }));
    await user.keyboard('受付は午前中のみ');
    fireEvent(window, new Event('pagehide'));
    await waitFor(() => expect(api['prep.saveNotes']).toHaveBeenCalledWith({ companyId: 'company-1', notes: '受付は午前中のみ' }));
  });

  it('keeps the text and says so when a save fails, and saves it on retry', async () => {
    let failing = true;
    const save = vi.fn<KomaApi['prep.saveNotes']>(() => (failing ? fail('internal', 'disk I/O error') : ok({ savedAt: at(2) })));
    const api = workApi([leadDetail(1)], { 'prep.saveNotes': save });
    const { user } = await open(api);
    const notes = within(prep()).getByRole('textbox', { name: 'Prep notes' });
    await user.click(notes);
    await user.keyboard('予算は下期');
    const alert = await within(prep()).findByRole('alert');
    expect(alert).toHaveTextContent('The notes could not be saved. Your text is still here.');
    expect(notes).toHaveValue('予算は下期');

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Save again' }));
    expect(await within(prep()).findByText('Saved 10:02')).toBeInTheDocument();
    expect(within(prep()).queryByRole('alert')).not.toBeInTheDocument();
    expect(save).toHaveBeenLastCalledWith({ companyId: 'company-1', notes: '予算は下期' });
  });

  it('saves each checklist tick at once', async () => {
    const api = workApi([leadDetail(1)]);
    const { user } = await open(api);
    const checklist = within(prep()).getByRole('group', { name: 'Prep checklist' });
    const website = within(checklist).getByRole('checkbox', { name: 'Website read' });
    expect(within(checklist).getAllByRole('checkbox').map((box) => box.closest('label')?.textContent)).toEqual([
      'Website read',
      'News checked',
      'Previous contact read',
    ]);
    await user.click(website);
    expect(website).toBeChecked();
    expect(api['prep.setChecklist']).toHaveBeenCalledWith({ companyId: 'company-1', item: 'website_read', checked: true });
  });
});
