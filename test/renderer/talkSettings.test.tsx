import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi, type Mock } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import type { TalkSet, TalkSetView } from '../../shared/contract/talk';
import { defaultTalkSet } from '../../shared/domain/talk/defaults';
import { fail, ok } from './fakeApi';
import { leadDetail, renderWork, workApi } from './workFixtures';

// Issue 15: scripts and objection cards edited in Settings, saved as versions, shared as a file.
const defaults: TalkSetView = { version: 0, savedAt: null, origin: 'default', set: defaultTalkSet };

async function openTalkSettings(overrides: { 'talk.import'?: Mock<KomaApi['talk.import']> } = {}, language: 'en' | 'ja' = 'en') {
  const api = {
    ...workApi([leadDetail(1)]),
    'talk.get': vi.fn<KomaApi['talk.get']>(() => ok(defaults)),
    'talk.save': vi.fn<KomaApi['talk.save']>((input) => ok({ version: 1, savedAt: '2025-04-07T01:00:00.000Z', origin: 'edited', set: input.set as TalkSet })),
    'talk.export': vi.fn<KomaApi['talk.export']>(() => ok({ fileName: 'koma-talk-scripts-v0.json', content: '{"format":"koma-talk-set"}' })),
    'talk.import': vi.fn<KomaApi['talk.import']>(() => ok({ ...defaults, version: 2, origin: 'imported' })),
    ...overrides,
  };
  const app = renderWork(api, { language });
  await app.user.click(await screen.findByRole('button', { name: language === 'en' ? 'Settings' : '設定' }));
  const section = await screen.findByRole('region', { name: language === 'en' ? 'Talk scripts and objections' : 'トークスクリプトと切り返し' });
  await within(section).findByText(language === 'en' ? 'Version 0 (Koma’s defaults)' : 'バージョン 0（Koma標準）');
  return { ...app, api, section };
}

describe('talk scripts in settings', () => {
  it('edits a card in both languages, adds an answer and saves a new version based on the one opened', async () => {
    const { user, api, section } = await openTalkSettings();
    const card = within(section).getByRole('group', { name: 'Objection card busy' });
    const english = within(card).getByRole('textbox', { name: 'What the prospect says (English)' });
    await user.clear(english);
    await user.type(english, 'Busy now');
    await user.click(within(card).getByRole('button', { name: 'Add an answer' }));
    await user.type(within(card).getByRole('textbox', { name: 'Answer 3 (日本語)' }), '{{{{person}}様、30秒だけお時間をください。');
    await user.click(within(section).getByRole('button', { name: 'Save as a new version' }));

    expect(await within(section).findByText('Saved as version 1.')).toHaveAttribute('role', 'status');
    const saved = api['talk.save'].mock.calls[0]![0];
    expect(saved.basedOn).toBe(0);
    expect(saved.set.cards[0]).toEqual({ ...defaultTalkSet.cards[0], title: { ja: '今は忙しい', en: 'Busy now' }, answers: [...defaultTalkSet.cards[0]!.answers, { ja: '{{person}}様、30秒だけお時間をください。', en: '' }] });
  });

  it('edits a script chosen from the list: who it is for and a step’s BANT item', async () => {
    const { user, api, section } = await openTalkSettings();
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Item to edit' }), 'Seminar follow-up');
    const script = within(section).getByRole('group', { name: 'Script seminar-follow-up' });
    await user.click(within(within(script).getByRole('group', { name: /For lead sources/ })).getByRole('checkbox', { name: 'Exhibition' }));
    await user.selectOptions(within(script).getByRole('combobox', { name: 'Step 1 BANT item' }), 'Budget');
    await user.click(within(section).getByRole('button', { name: 'Save as a new version' }));
    await waitFor(() => expect(api['talk.save']).toHaveBeenCalled());
    const saved = api['talk.save'].mock.calls[0]![0].set.scripts.find((s) => s.id === 'seminar-follow-up')!;
    expect(saved.sources).toEqual(['seminar', 'exhibition']);
    expect(saved.steps[0]!.bant).toBe('budget');
  });

  it('refuses a card empty in both languages before sending, and warns about unknown merge fields', async () => {
    const { user, api, section } = await openTalkSettings();
    const card = within(section).getByRole('group', { name: 'Objection card busy' });
    await user.clear(within(card).getByRole('textbox', { name: 'What the prospect says (日本語)' }));
    await user.clear(within(card).getByRole('textbox', { name: 'What the prospect says (English)' }));
    await user.type(within(card).getByRole('textbox', { name: 'Answer 1 (English)' }), ' {{{{kaisha}}');
    expect(within(section).getByText('Unknown merge fields: {{kaisha}}')).toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Save as a new version' }));
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was saved, because of these problems:');
    expect(alert).toHaveTextContent('cards.0.title');
    expect(api['talk.save']).not.toHaveBeenCalled();
  });

  it('says what is wrong in Japanese, Koma’s own rules and zod’s alike', async () => {
    const { user, api, section } = await openTalkSettings({}, 'ja');
    const card = within(section).getByRole('group', { name: '切り返しカード busy' });
    await user.clear(within(card).getByRole('textbox', { name: '相手の言葉（日本語）' }));
    await user.clear(within(card).getByRole('textbox', { name: '相手の言葉（English）' }));
    const answer = within(card).getByRole('textbox', { name: '回答例 1（日本語）' });
    await user.clear(answer);
    await user.click(answer);
    await user.paste('あ'.repeat(4001));
    await user.click(within(section).getByRole('button', { name: '新しいバージョンとして保存' }));
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('内容に問題があるため保存していません：');
    expect(alert).toHaveTextContent('cards.0.title 日本語か英語のどちらかを入力してください');
    // zod's own message for the answer that is too long, in Japanese too.
    expect(within(alert).getAllByRole('listitem')).toHaveLength(2);
    expect(alert).not.toHaveTextContent(/[A-Za-z]{4,} (?:in|it|too|must)/);
    expect(api['talk.save']).not.toHaveBeenCalled();
  });

  it('exports the set to a file and imports one; a refused file changes nothing and says so', async () => {
    const refused = vi.fn<KomaApi['talk.import']>(() => fail('invalid_input', 'This file is not JSON, so it is not a Koma talk script file. Nothing was changed.'));
    const { user, api, section, stores } = await openTalkSettings({ 'talk.import': refused });
    await user.click(within(section).getByRole('button', { name: 'Export to a file' }));
    expect(await within(section).findByText('Wrote koma-talk-scripts-v0.json.')).toBeInTheDocument();
    expect(api['talk.export']).toHaveBeenCalled();

    const input = within(section).getByLabelText('Import from a file');
    await user.upload(input, new File(['not json'], 'team.json', { type: 'application/json' }));
    await waitFor(() => expect(refused).toHaveBeenCalledWith({ content: 'not json' }));
    expect(await within(section).findByText('This file could not be imported. Nothing was changed.')).toBeInTheDocument();
    expect(within(section).getByText('Version 0 (Koma’s defaults)')).toBeInTheDocument();
    expect(stores.talkSettings.getState().view?.version).toBe(0);
  });

  it('an imported file becomes the version in use', async () => {
    const { user, api, section } = await openTalkSettings({}, 'ja');
    await user.upload(within(section).getByLabelText('ファイルから読み込む'), new File(['{"format":"koma-talk-set"}'], 'team.json', { type: 'application/json' }));
    expect(await within(section).findByText('ファイルを読み込み、バージョン 2 にしました。')).toBeInTheDocument();
    expect(api['talk.import']).toHaveBeenCalledWith({ content: '{"format":"koma-talk-set"}' });
    expect(within(section).getByText('バージョン 2（インポート）')).toBeInTheDocument();
  });
});
