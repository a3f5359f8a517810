import type { Messages } from '../messages';

/** The header's slot countdown in minutes, so it never reads as a clock time (架電ブロック 20:00 looked like 8 pm). */
export const headerSlotJa = {
  headerSlot: {
    minutesLeft_one: '残り {{count}}分',
    minutesLeft_other: '残り {{count}}分',
    secondsLeft_one: '残り {{count}}秒',
    secondsLeft_other: '残り {{count}}秒',
  },
} as const;

export const headerSlotEn: Messages<typeof headerSlotJa> = {
  headerSlot: {
    minutesLeft_one: '{{count}} min left',
    minutesLeft_other: '{{count}} min left',
    secondsLeft_one: '{{count}} s left',
    secondsLeft_other: '{{count}} s left',
  },
};
