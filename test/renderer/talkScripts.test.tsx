import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { TalkForLead } from '../../shared/contract/talk';
import { defaultTalkSet } from '../../shared/domain/talk/defaults';
import { ok } from './fakeApi';
import { hearingBackend, hearingView, hearingWith } from './hearingFixtures';
import { at, leadDetail, renderWork, workApi } from './workFixtures';

// Issue 15: the talk script beside the call log (G) and the objection cards (O), marked into the call.
const lead = () => screen.getByRole('region', { name: 'Current lead' });
const callLog = () => within(lead()).getByRole('region', { name: 'Call log' });

const talkFor = (scriptId: string, values: Partial<TalkForLead['values']> = {}): TalkForLead => ({
  version: 3,
  stage: 'first_call',
  script: defaultTalkSet.scripts.find((s) => s.id === scriptId)!,
  cards: defaultTalkSet.cards,
  values: { company: 'Company 1', person: 'Person 1', title: '部長', department: null, seminar: null, lastDownload: null, rep: 'Hanako', ...values },
});

function renderTalk(talk: TalkForLead, details = [leadDetail(1), leadDetail(2)]) {
  const hearing = hearingBackend(hearingView(hearingWith()));
  const forLead = vi.fn<KomaApi['talk.forLead']>(() => ok(talk));
  const api = { ...workApi(details), ...hearing.api, 'talk.forLead': forLead };
  return { api, forLead, ...renderWork(api) };
}

async function openFirstLead(user: ReturnType<typeof renderWork>['user']) {
  await screen.findByRole('table', { name: 'Call list' });
  await user.keyboard('n');
  await within(lead()).findByRole('heading', { level: 2, name: 'Person 1' });
}

describe('the talk script', () => {
  it('G shows the script for the lead in place of the prep, fields merged and missing ones marked', async () => {
    const { user, forLead } = renderTalk(talkFor('download-first'));
    await openFirstLead(user);
    await user.keyboard('g');
    const script = await within(lead()).findByRole('region', { name: 'Talk script: Content download: first call' });
    expect(forLead).toHaveBeenCalledWith({ leadId: 'lead-1' });
    await waitFor(() => expect(within(script).getByRole('heading', { level: 3 })).toHaveFocus());
    const opening = within(script).getAllByRole('listitem')[0]!;
    expect(opening).toHaveTextContent('Is this Person 1 at Company 1? This is Hanako. Thank you for downloading "[Download]".');
    expect(script).not.toHaveTextContent('undefined');
    expect(within(script).getByText('BANT: Need')).toBeInTheDocument();
    // The call log stays beside it; G again brings the prep back.
    expect(callLog()).toBeInTheDocument();
    await user.keyboard('g');
    expect(within(lead()).queryByRole('region', { name: /Talk script/ })).not.toBeInTheDocument();
    expect(within(lead()).getByRole('region', { name: 'Timeline' })).toBeInTheDocument();
  });

  it('stays open for the next lead after save and next, with the keyboard on the new lead’s name', async () => {
    const { user } = renderTalk(talkFor('general'));
    await openFirstLead(user);
    await user.keyboard('g');
    await within(lead()).findByRole('region', { name: 'Talk script: General script' });
    await user.keyboard('2{Control>}{Enter}{/Control}');
    const second = await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    await waitFor(() => expect(second).toHaveFocus());
    expect(within(lead()).getByRole('region', { name: 'Talk script: General script' })).toBeInTheDocument();
  });

  it('is shown in Japanese when the rep works in Japanese', async () => {
    const hearing = hearingBackend(hearingView(hearingWith()));
    const api = { ...workApi([leadDetail(1)]), ...hearing.api, 'talk.forLead': vi.fn<KomaApi['talk.forLead']>(() => ok(talkFor('seminar-follow-up', { seminar: null }))) };
    const { user } = renderWork(api, { language: 'ja' });
    await screen.findByRole('table', { name: 'コールリスト' });
    await user.keyboard('n');
    await user.keyboard('g');
    const script = await screen.findByRole('region', { name: 'トークスクリプト：セミナー参加者フォロー' });
    expect(script).toHaveTextContent('先日は「［セミナー名］」にご参加いただき');
  });
});

describe('objection cards', () => {
  it('O opens the cards; search and Enter mark one (not during IME conversion); the call is logged with it', async () => {
    const { user, api } = renderTalk(talkFor('web-inquiry-first'));
    await openFirstLead(user);
    await user.keyboard('o');
    const dialog = await screen.findByRole('dialog', { name: 'Objection cards' });
    const search = within(dialog).getByRole('searchbox', { name: 'Search the cards' });
    await waitFor(() => expect(search).toHaveFocus());
    await user.keyboard('budget');
    expect(within(dialog).getAllByRole('checkbox')).toHaveLength(1);
    // Enter that confirms an IME conversion is the conversion's, not a mark.
    fireEvent.keyDown(search, { key: 'Enter', isComposing: true });
    expect(within(dialog).getByRole('checkbox', { name: /We have no budget/ })).not.toBeChecked();
    await user.keyboard('{Enter}');
    expect(within(dialog).getByRole('checkbox', { name: /We have no budget/ })).toBeChecked();
    expect(within(dialog).getByRole('list', { name: 'Answers to We have no budget' })).toHaveTextContent('When does planning for next period’s budget start?');
    // Searching in Japanese finds cards too; a click marks a second one.
    await user.clear(search);
    await user.type(search, '忙しい');
    await user.click(within(dialog).getByRole('checkbox', { name: /I’m busy right now/ }));
    // Esc with text in the search closes without asking: nothing typed there is lost.
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    expect(within(callLog()).getByRole('button', { name: 'Remove We have no budget' })).toBeInTheDocument();
    expect(within(callLog()).getByRole('button', { name: 'Remove I’m busy right now' })).toBeInTheDocument();
    await user.keyboard('1{Control>}{Enter}{/Control}');
    await waitFor(() => expect(api['calls.log']).toHaveBeenCalledTimes(1));
    expect(api['calls.log'].mock.calls[0]![0]).toMatchObject({ leadId: 'lead-1', outcome: 'connected', objections: ['no-budget', 'busy'], talkVersion: 3 });
  });

  it('marks are kept in the draft, and a mark taken off is not logged', async () => {
    const { user, api } = renderTalk(talkFor('web-inquiry-first'));
    await openFirstLead(user);
    await user.keyboard('o');
    const dialog = await screen.findByRole('dialog', { name: 'Objection cards' });
    await user.click(within(dialog).getByRole('checkbox', { name: /Just send me the materials/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(api['callDraft.save']).toHaveBeenCalled());
    expect(api['callDraft.save'].mock.calls.at(-1)![0].draft).toMatchObject({ objections: ['send-materials'], talkVersion: 3 });
    await user.click(within(callLog()).getByRole('button', { name: 'Remove Just send me the materials' }));
    await user.keyboard('2{Control>}{Enter}{/Control}');
    await waitFor(() => expect(api['calls.log']).toHaveBeenCalledTimes(1));
    expect(api['calls.log'].mock.calls[0]![0].objections ?? []).toEqual([]);
  });

  it('the timeline shows the objections raised in a call', async () => {
    const detail = leadDetail(1, {
      timeline: [
        {
          kind: 'call',
          at: at(-60),
          id: 'call-9',
          leadId: 'lead-1',
          leadName: 'Person 1',
          outcome: 'connected',
          notes: '',
          durationSec: 120,
          nextAction: null,
          objections: [
            { cardId: 'busy', title: { ja: '今は忙しい', en: 'I’m busy right now' } },
            { cardId: 'price', title: { ja: '高い', en: '' } },
          ],
        },
      ],
    });
    const { user } = renderTalk(talkFor('web-inquiry-first'), [detail]);
    await openFirstLead(user);
    const timeline = within(lead()).getByRole('region', { name: 'Timeline' });
    // A card written only in Japanese is shown in Japanese.
    expect(await within(timeline).findByText('Objections: I’m busy right now, 高い')).toBeInTheDocument();
  });

  it('the help lists G and O', async () => {
    const { user } = renderTalk(talkFor('general'));
    await screen.findByRole('table', { name: 'Call list' });
    await user.keyboard('?');
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByRole('row', { name: 'G Open or close the talk script' })).toBeInTheDocument();
    expect(within(help).getByRole('row', { name: 'O Open the objection cards (search)' })).toBeInTheDocument();
  });
});
