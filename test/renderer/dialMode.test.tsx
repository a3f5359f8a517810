import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { Profile } from '../../shared/contract/profile';
import { defaultQualificationCriteria } from '../../shared/contract/hearing';
import { defaultScoringRules } from '../../shared/contract/scoringRules';
import { ok } from './fakeApi';
import { leadDetail, renderWork, testRules, workApi } from './workFixtures';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A backend that keeps the profile it is given, as the real one does. */
function apiWithProfile(profile: Profile) {
  let stored = profile;
  const saveProfile = vi.fn<KomaApi['settings.saveProfile']>(async (input) => {
    stored = input.profile;
    return ok({});
  });
  const api = workApi([leadDetail(1, { lead: { phone: '03-1234-0001' } }), leadDetail(2)], {
    'settings.get': vi.fn<KomaApi['settings.get']>(() =>
      ok({ queueRules: testRules, scoringRules: defaultScoringRules, qualificationCriteria: defaultQualificationCriteria, profile: stored }),
    ),
  });
  return { api: { ...api, 'settings.saveProfile': saveProfile }, saveProfile };
}

describe('how Koma dials (Settings → What S does)', () => {
  it('offers every dial mode by name; choosing Dialpad makes S hand Dialpad the number and the call id that is then logged', async () => {
    const { api, saveProfile } = apiWithProfile({ repName: '' });
    const { user, dial } = renderWork(api);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    const section = await screen.findByRole('region', { name: 'What S does' });
    const modes = within(section).getByRole('group', { name: 'What S does' });
    expect(within(modes).getAllByRole('radio').map((radio) => radio.closest('label')?.textContent)).toEqual([
      'Dial (hand the tel: link to the softphone)',
      'Dial with a callto: link (Skype and other softphones)',
      'Dial with Zoom Phone (zoomphonecall://)',
      "Dial with Dialpad (dialpad://, Koma's call id as customData)",
      'Only start the timer (dial on your desk phone)',
    ]);
    await user.click(within(modes).getByRole('radio', { name: /Dialpad/ }));
    await waitFor(() => expect(saveProfile).toHaveBeenCalledWith({ profile: { repName: '', dialMode: 'dialpad' } }));
    expect(within(modes).getByRole('radio', { name: /Dialpad/ })).toBeChecked();

    await user.click(screen.getByRole('button', { name: 'Calls' }));
    await screen.findByRole('table', { name: 'Call list' });
    await user.keyboard('n');
    const lead = await screen.findByRole('region', { name: 'Current lead' });
    await within(lead).findByRole('heading', { level: 2, name: 'Person 1' });
    await user.keyboard('s');
    expect(dial).toHaveBeenCalledTimes(1);
    const [url] = dial.mock.calls[0]!;
    const match = /^dialpad:\/\/\+81312340001\?customData=(.+)$/.exec(url);
    expect(match?.[1]).toMatch(uuid);
    await user.keyboard('2');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await within(lead).findByRole('heading', { level: 2, name: 'Person 2' });
    expect(api['calls.log']).toHaveBeenCalledWith(expect.objectContaining({ leadId: 'lead-1', outcome: 'no_answer', callId: match?.[1] }));
  });

  it('in Japanese, Zoom Phone by its name; with timer only S dials nothing', async () => {
    const { api, saveProfile } = apiWithProfile({ repName: '', dialMode: 'zoomphone' });
    const { user, dial } = renderWork(api, { language: 'ja' });
    await user.click(await screen.findByRole('button', { name: '設定' }));
    const modes = within(await screen.findByRole('region', { name: 'S キーの動作' })).getByRole('group', { name: 'S キーの動作' });
    expect(within(modes).getByRole('radio', { name: 'Zoom Phone で発信する（zoomphonecall://）' })).toBeChecked();
    await user.click(within(modes).getByRole('radio', { name: 'タイマーだけ開始する（電話は手元の電話機でかける）' }));
    await waitFor(() => expect(saveProfile).toHaveBeenCalledWith({ profile: { repName: '', dialMode: 'timer' } }));

    await user.click(screen.getByRole('button', { name: 'コール' }));
    await screen.findByRole('table', { name: 'コールリスト' });
    await user.keyboard('n');
    const lead = await screen.findByRole('region', { name: '対応中のリード' });
    await within(lead).findByRole('heading', { level: 2, name: 'Person 1' });
    await user.keyboard('s');
    await within(lead).findByRole('timer');
    expect(dial).not.toHaveBeenCalled();
  });
});
