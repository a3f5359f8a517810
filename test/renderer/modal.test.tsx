import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { Modal, ModalCancelButton } from '../../renderer/src/components/common/Modal';
import { createI18n } from '../../renderer/src/i18n/createI18n';

function NoteDialog({ onClose }: { onClose: () => void }) {
  const [note, setNote] = useState('');
  const [count, setCount] = useState('1');
  return (
    <Modal title="申し送り" closeLabel="閉じる" onClose={onClose}>
      <label htmlFor="note">メモ</label>
      <input id="note" type="text" value={note} onChange={(event) => setNote(event.target.value)} />
      <label htmlFor="count">件数</label>
      <input id="count" type="number" value={count} onChange={(event) => setCount(event.target.value)} />
      <ModalCancelButton>キャンセル</ModalCancelButton>
    </Modal>
  );
}

function renderDialog() {
  const onClose = vi.fn<() => void>();
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createI18n({ language: 'ja' })}>
      <NoteDialog onClose={onClose} />
    </I18nextProvider>,
  );
  return { onClose, user, note: screen.getByRole('textbox', { name: 'メモ' }) };
}

describe('a modal dialog', () => {
  it('keeps the dialog open when Escape cancels an IME conversion', () => {
    const { onClose, note } = renderDialog();
    // Chromium marks the Escape that ends a composition with isComposing (keyCode 229 on some IMEs).
    fireEvent.keyDown(note, { key: 'Escape', isComposing: true });
    fireEvent.keyDown(note, { key: 'Escape', keyCode: 229 });
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: '申し送り' })).toBeInTheDocument();
  });

  it('closes at once with Escape, × or Cancel when nothing was typed (a number is not typed text)', async () => {
    const { onClose, user } = renderDialog();
    await user.type(screen.getByRole('spinbutton', { name: '件数' }), '5');
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: '閉じる' }));
    await user.click(screen.getByRole('button', { name: 'キャンセル' }));
    expect(onClose).toHaveBeenCalledTimes(3);
  });

  it.each([
    ['Escape', (user: ReturnType<typeof userEvent.setup>) => user.keyboard('{Escape}')],
    ['×', (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: '閉じる' }))],
    ['Cancel', (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'キャンセル' }))],
  ])('asks before %s throws typed text away; keeping it keeps the text', async (_, close) => {
    const { onClose, user, note } = renderDialog();
    await user.type(note, '来週 火曜に再訪');
    await close(user);
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('入力した内容は保存されていません');
    const keep = screen.getByRole('button', { name: '入力に戻る' });
    expect(keep).toHaveFocus();

    await user.click(keep);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(note).toHaveValue('来週 火曜に再訪');

    await close(user);
    await user.click(screen.getByRole('button', { name: '破棄して閉じる' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('Escape on the question keeps editing; text typed and then deleted closes without asking', async () => {
    const { onClose, user, note } = renderDialog();
    await user.type(note, 'abc');
    await user.keyboard('{Escape}');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();

    await user.clear(note);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
