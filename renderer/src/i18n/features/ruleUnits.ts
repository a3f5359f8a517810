import type { Messages } from '../messages';

/** The units a rule duration is typed in. */
export const ruleUnitsJa = {
  ruleUnits: {
    minutes: '分',
    hours: '時間',
    days: '日',
    unitOf: '{{label}}の単位',
  },
} as const;

export const ruleUnitsEn: Messages<typeof ruleUnitsJa> = {
  ruleUnits: {
    minutes: 'minutes',
    hours: 'hours',
    days: 'days',
    unitOf: 'Unit for {{label}}',
  },
};
