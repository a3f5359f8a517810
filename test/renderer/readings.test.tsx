import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import { leadRow, ok } from './fakeApi';
import { leadDetail, renderWork, workApi } from './workFixtures';

describe('readings (フリガナ)', () => {
  it("shows both readings as ruby above the names in the list and the lead header, and saves a corrected one", async () => {
    const detail = leadDetail(1, { lead: { fullName: '長谷川 一郎', nameReading: 'ハセガワ イチロウ' }, company: { name: '株式会社見本精機', nameReading: 'ミホンセイキ' } });
    const setReadings = vi.fn<KomaApi['lead.setReadings']>(() => ok({}));
    const api = {
      ...workApi([detail]),
      'callList.page': vi.fn<KomaApi['callList.page']>(() =>
        ok({ total: 1, offset: 0, rows: [leadRow(1, { fullName: '長谷川 一郎', nameReading: 'ハセガワ イチロウ', companyName: '株式会社見本精機', companyReading: 'ミホンセイキ' })] }),
      ),
      'lead.setReadings': setReadings,
    };
    const { user } = renderWork(api, { language: 'ja' });
    const table = await screen.findByRole('table', { name: 'コールリスト' });
    const person = await within(table).findByRole('cell', { name: /長谷川 一郎/ });
    expect(person.querySelector('ruby rt')?.textContent).toBe('ハセガワ イチロウ');
    // The company's reading sits over its distinctive name, not over the legal form; a screen reader hears both.
    const company = within(table).getByRole('cell', { name: '株式会社見本精機(ミホンセイキ)' });
    expect(company.querySelector('ruby .company-distinctive')?.textContent).toBe('見本精機');
    expect(company.querySelector('ruby rt')?.textContent).toBe('ミホンセイキ');

    await user.click(person);
    const heading = await screen.findByRole('heading', { level: 2, name: /長谷川 一郎/ });
    expect(heading.querySelector('rt')?.textContent).toBe('ハセガワ イチロウ');
    const header = screen.getByRole('group', { name: /長谷川 一郎/ });
    expect(within(header).getByText('ミホンセイキ').tagName).toBe('RT');

    await user.click(screen.getByRole('button', { name: '読みを編集' }));
    const dialog = await screen.findByRole('dialog', { name: '読み（フリガナ）の編集' });
    const reading = within(dialog).getByRole('textbox', { name: '長谷川 一郎 の読み' });
    expect(reading).toHaveValue('ハセガワ イチロウ');
    await user.clear(reading);
    await user.type(reading, 'はせがわ いちろう');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(setReadings).toHaveBeenCalledWith({ leadId: 'lead-1', nameReading: 'はせがわ いちろう', companyReading: 'ミホンセイキ' });
  });

  it('shows a source or industry Koma could not read in the file’s words, as other', async () => {
    const detail = leadDetail(1, { lead: { source: 'other', sourceDetail: 'AFFILIATE_PROGRAM' }, company: { industry: 'other: MARITIME_SHIPPING_X' } });
    const api = {
      ...workApi([detail]),
      'callList.page': vi.fn<KomaApi['callList.page']>(() => ok({ total: 1, offset: 0, rows: [leadRow(1, { source: 'other', sourceDetail: 'AFFILIATE_PROGRAM' })] })),
    };
    const { user } = renderWork(api, { language: 'ja' });
    const table = await screen.findByRole('table', { name: 'コールリスト' });
    expect(await within(table).findByRole('cell', { name: 'その他: AFFILIATE_PROGRAM' })).toBeInTheDocument();
    await user.click(within(table).getByRole('cell', { name: /Person 1/ }));
    const header = await screen.findByRole('group', { name: /Person 1/ });
    expect(within(header).getByText('その他: AFFILIATE_PROGRAM')).toBeInTheDocument();
    expect(await screen.findByText('その他: MARITIME_SHIPPING_X')).toBeInTheDocument();
  });
});
