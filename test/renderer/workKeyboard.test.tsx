import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { hearingBackend, hearingView, hearingWith } from './hearingFixtures';
import { leadDetail, renderWork, workApi } from './workFixtures';

// Issue 11: after N and save-and-next the keyboard is on the new lead's name and the lead is
// announced; S only times the call in browser mode; B and A/E/T reach the BANT hearing.
const lead = () => screen.getByRole('region', { name: 'Current lead' });
const callLog = () => within(lead()).getByRole('region', { name: 'Call log' });

function renderLoop() {
  const hearing = hearingBackend(hearingView(hearingWith()));
  const api = { ...workApi([leadDetail(1), leadDetail(2), leadDetail(3)]), ...hearing.api };
  return { api, ...renderWork(api) };
}

describe('the keyboard loop', () => {
  it('after N and after save-and-next, focus is on the new lead’s name and the lead is announced', async () => {
    const { user } = renderLoop();
    await screen.findByRole('table', { name: 'Call list' });
    await user.keyboard('n');
    const first = await within(lead()).findByRole('heading', { level: 2, name: 'Person 1' });
    await waitFor(() => expect(first).toHaveFocus());
    expect(within(lead()).getByText('Opened Person 1 (Company 1)')).toBeInTheDocument();

    await user.keyboard('2{Control>}{Enter}{/Control}');
    const second = await within(lead()).findByRole('heading', { level: 2, name: 'Person 2' });
    await waitFor(() => expect(second).toHaveFocus());
    expect(within(lead()).getByText('Opened Person 2 (Company 2)')).toBeInTheDocument();
    // The loop goes on from the header: the next outcome key still works.
    await user.keyboard('3');
    expect(within(callLog()).getByRole('radio', { name: 'Voicemail' })).toBeChecked();
  });

  it('in browser mode S starts the timer without dialling: no tel: link, no OS prompt', async () => {
    const { user, dial } = renderLoop();
    await screen.findByRole('table', { name: 'Call list' });
    await user.keyboard('n');
    await within(lead()).findByRole('heading', { level: 2, name: 'Person 1' });
    await user.keyboard('s');
    expect(within(callLog()).getByRole('timer', { name: 'Call time' })).toHaveTextContent('00:00');
    expect(dial).not.toHaveBeenCalled();
  });

  it('B goes to the hearing’s budget, A/E/T to authority, need and timeline; keys typed during IME composition are ignored', async () => {
    const { user } = renderLoop();
    await screen.findByRole('table', { name: 'Call list' });
    await user.keyboard('n');
    await within(lead()).findByRole('heading', { level: 2, name: 'Person 1' });
    const hearing = await within(lead()).findByRole('region', { name: 'BANT hearing' });
    const section = (name: RegExp) => within(hearing).getByRole('group', { name });
    await waitFor(() => expect(section(/^Budget/)).toBeInTheDocument());

    await user.keyboard('b');
    expect(section(/^Budget/)).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}a');
    expect(section(/^Authority/)).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}e');
    expect(section(/^Need/)).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}t');
    expect(section(/^Timeline/)).toContainElement(document.activeElement as HTMLElement);

    // A keydown that belongs to an IME conversion (keyCode 229) is not a shortcut.
    (document.activeElement as HTMLElement).blur();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', keyCode: 229, bubbles: true }));
    expect(within(callLog()).getByRole('radio', { name: 'Connected' })).not.toBeChecked();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1', bubbles: true }));
    await waitFor(() => expect(within(callLog()).getByRole('radio', { name: 'Connected' })).toBeChecked());
  });
});
