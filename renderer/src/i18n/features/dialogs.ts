import type { Messages } from '../messages';

/** What every modal dialog says before it throws away text the rep typed. */
export const dialogsJa = {
  dialogs: {
    discardTitle: '入力した内容は保存されていません',
    discardBody: '閉じると入力した内容は失われます。',
    discard: '破棄して閉じる',
    keepEditing: '入力に戻る',
  },
} as const;

export const dialogsEn: Messages<typeof dialogsJa> = {
  dialogs: {
    discardTitle: 'What you typed is not saved',
    discardBody: 'Closing now throws it away.',
    discard: 'Discard and close',
    keepEditing: 'Keep editing',
  },
};
