import type { Messages } from '../messages';

/** How items of a list are joined inside a sentence: Japanese 「、」, never an ASCII "; " in Japanese text. */
export const textJoinJa = {
  textJoin: {
    separator: '、',
  },
} as const;

export const textJoinEn: Messages<typeof textJoinJa> = {
  textJoin: {
    separator: '; ',
  },
};
