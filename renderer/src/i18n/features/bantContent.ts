import type { Messages } from '../messages';

/** Said at a BANT item marked (or being marked) 確認済み with nothing heard. */
export const bantContentJa = {
  bantContent: {
    needed: '確認済みにするには、聞き取った内容を入力してください。',
  },
} as const;

export const bantContentEn: Messages<typeof bantContentJa> = {
  bantContent: {
    needed: 'To mark this confirmed, enter what you heard.',
  },
};
