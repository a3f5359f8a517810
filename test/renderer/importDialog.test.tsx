import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KomaApi } from '../../shared/contract/api';
import { importFields, type ImportPreview } from '../../shared/contract/imports';
import type { SaveFile } from '../../renderer/src/lib/saveFile';
import { appInfo, fail, importResult, job, ok, pagedCallList, renderApp } from './fakeApi';

const csvText = '会社名,氏名,電話番号,メモ\n株式会社コマ,山田 太郎,03-1234-5678,=HYPERLINK("x")\n';

const preview: ImportPreview = {
  encoding: 'shift_jis',
  headers: ['会社名', '氏名', '電話番号', 'メモ'],
  mapping: { companyName: 0, fullName: 1, phone: 2, email: null },
  sampleRows: [
    ['株式会社コマ', '山田 太郎', '03-1234-5678', '=HYPERLINK("x")'],
    ['コマ商事', '佐藤 花子', '', 'メモ'],
  ],
  rowCount: 2,
};

function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

async function openDialogAndChooseFile(api: Parameters<typeof renderApp>[0], saveFile?: SaveFile) {
  const app = renderApp({ 'app.info': () => ok(appInfo(5)), 'callList.page': pagedCallList(5), ...api }, saveFile ? { saveFile } : {});
  await app.user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Import CSV' }));
  const dialog = screen.getByRole('dialog', { name: 'Import leads from CSV' });
  await app.user.upload(within(dialog).getByLabelText('CSV file (UTF-8 or Shift_JIS)'), new File([csvText], 'leads.csv', { type: 'text/csv' }));
  return { ...app, dialog };
}

describe('the CSV import dialog', () => {
  it('previews the file with the auto-mapping, imports it and reports the invalid rows', async () => {
    const previewCommand = vi.fn<KomaApi['import.preview']>(() => ok(preview));
    const start = vi.fn<KomaApi['import.start']>(() => ok(job({ phase: 'parsing' })));
    const saveFile = vi.fn<SaveFile>();
    const invalid = [
      { row: 3, reasons: ['company name is missing'], values: ['', '佐藤 花子', '', '@SUM(A1)'] },
      { row: 7, reasons: ['phone is not a phone number', 'email is not valid'], values: ['コマ商事', '鈴木', 'abc', '-1'] },
    ];
    const { dialog, user } = await openDialogAndChooseFile(
      {
        'import.preview': previewCommand,
        'import.start': start,
        'import.status': () => ok(job({ phase: 'done', processed: 9, total: 9, result: importResult({ fileName: 'leads.csv', totalRows: 9, inserted: 5, updated: 2, invalid }) })),
      },
      saveFile,
    );

    // The bytes travel as base64 and the backend, not the renderer, decodes them.
    const sent = previewCommand.mock.calls[0]?.[0];
    expect(sent?.fileName).toBe('leads.csv');
    expect(new TextDecoder().decode(Uint8Array.from(atob(sent?.contentBase64 ?? ''), (c) => c.charCodeAt(0)))).toBe(csvText);

    expect(await within(dialog).findByText('Shift_JIS')).toBeInTheDocument();
    expect(within(dialog).getByText('2 rows')).toBeInTheDocument();
    expect(within(dialog).getByRole('table', { name: 'Preview of the first 2 rows' })).toBeInTheDocument();
    expect(within(dialog).getByRole('cell', { name: '山田 太郎' })).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Company' })).toHaveDisplayValue('会社名');
    expect(within(dialog).getByRole('combobox', { name: 'Full name' })).toHaveDisplayValue('氏名');
    expect(within(dialog).getByRole('combobox', { name: 'Phone' })).toHaveDisplayValue('電話番号');
    expect(within(dialog).getByRole('combobox', { name: 'Email' })).toHaveDisplayValue('(not in file)');
    expect(within(dialog).getAllByRole('combobox')).toHaveLength(importFields.length);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Email' }), 'メモ');
    await user.click(within(dialog).getByRole('button', { name: 'Import' }));

    expect(await within(dialog).findByRole('heading', { name: 'Import finished' })).toBeInTheDocument();
    expect(start).toHaveBeenCalledWith(expect.objectContaining({ fileName: 'leads.csv', contentBase64: sent?.contentBase64, mapping: { companyName: 0, fullName: 1, phone: 2, email: 3 } }));
    const report = within(dialog).getByRole('table', { name: 'Rows not imported' });
    const rows = within(report).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[2]).toHaveTextContent('7');
    expect(rows[2]).toHaveTextContent('phone is not a phone number; email is not valid');

    await user.click(within(dialog).getByRole('button', { name: 'Save report' }));
    expect(saveFile).toHaveBeenCalledTimes(1);
    const [fileName, blob] = saveFile.mock.calls[0] ?? [];
    expect(fileName).toBe('leads-import-errors.csv');
    const lines = (await blobText(blob as Blob)).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Row,Reasons,会社名,氏名,電話番号,メモ');
    expect(lines[1]).toBe("3,company name is missing,,佐藤 花子,,'@SUM(A1)");
    expect(lines[2]).toBe("7,phone is not a phone number; email is not valid,コマ商事,鈴木,abc,'-1");
  });

  it('shows what went wrong and what to do when the preview is refused', async () => {
    const { dialog } = await openDialogAndChooseFile({ 'import.preview': () => fail('invalid_input', 'Invalid input for import.preview: contentBase64: file is larger than 64 MB') });
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Some input is not valid');
    expect(alert).toHaveTextContent('Check it and try again.');
    expect(alert).toHaveTextContent('file is larger than 64 MB');
    // The rep can pick another file right away.
    expect(within(dialog).getByLabelText('CSV file (UTF-8 or Shift_JIS)')).toBeInTheDocument();
  });

  it('reports a job that failed in the backend', async () => {
    const { dialog, user } = await openDialogAndChooseFile({
      'import.preview': () => ok(preview),
      'import.start': () => ok(job()),
      'import.status': () => ok(job({ phase: 'failed', error: 'disk full' })),
    });
    await user.click(await within(dialog).findByRole('button', { name: 'Import' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The import failed');
    expect(alert).toHaveTextContent('disk full');
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeInTheDocument();
  });

  it('closes on Escape and returns focus to the button that opened it', async () => {
    const { user } = renderApp({ 'app.info': () => ok(appInfo(5)), 'callList.page': pagedCallList(5) });
    const opener = within(screen.getByRole('banner')).getByRole('button', { name: 'Import CSV' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Import leads from CSV' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByLabelText('CSV file (UTF-8 or Shift_JIS)')).toHaveFocus();

    // Tab cycles inside the dialog.
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByLabelText('CSV file (UTF-8 or Shift_JIS)')).toHaveFocus();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });
});
