import type { Messages } from '../messages';

export const navJa = {
  nav: {
    label: '画面',
    calls: 'コール',
    settings: '設定',
    shortcut: 'Alt+{{key}}',
  },
} as const;

export const navEn: Messages<typeof navJa> = {
  nav: {
    label: 'Screens',
    calls: 'Calls',
    settings: 'Settings',
    shortcut: 'Alt+{{key}}',
  },
};
